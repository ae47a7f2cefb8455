// Domain types shared by every part of Đôn Đốc. No I/O here.
export {};
