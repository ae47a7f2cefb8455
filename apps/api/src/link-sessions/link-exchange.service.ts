// GET /l/<token>: the token is checked and exchanged for a short session
// cookie, and the browser is sent on to the page without the token. Opening a
// link never acts and never uses it up (mail scanners open links too): only
// an action taken on the page claims it, once (see link-actions.ts).
import { ReportService } from '@dondoc/reports-service';
import { DigestRepository, UsedLinkRepository } from '@dondoc/db';
import { NotFoundError } from '@dondoc/domain';
import { type LinkClaims, type LinkKeyRing, LINK_PURPOSES, type LinkPurpose, verifyLinkToken } from '@dondoc/links';
import { Injectable } from '@nestjs/common';

import { AppConfigService } from '../app-config.service';
import { TaskWorkflowsRepository } from '../tasks/task-workflows.repository';
import type { MessagePage } from '../web-app/message-page';
import { LINK_PAGE_PATHS, PAGE_OF_PURPOSE, isReadOnlyPurpose, type LinkPage } from './link-pages';
import { type LinkSession, LinkSessionTokens } from './link-session.tokens';
import { OversightContactService } from './oversight-contact.service';

export type LinkOpening =
  | { readonly ok: true; readonly location: string; readonly cookie: string; readonly session: LinkSession }
  | { readonly ok: false; readonly status: number; readonly reason: LinkProblem; readonly page: MessagePage };

export type LinkProblem = 'malformed' | 'bad-signature' | 'expired' | 'unknown-key' | 'wrong-purpose' | 'used' | 'not-found' | 'reassigned';

const PROBLEMS: Readonly<Record<LinkProblem, { status: number; title: string; message: string; details: readonly string[] }>> = {
  malformed: {
    status: 400,
    title: 'Đường dẫn không hợp lệ',
    message: 'Đường dẫn này không đầy đủ hoặc không đúng định dạng, có thể do bị cắt khi sao chép.',
    details: ['Vui lòng bấm trực tiếp vào đường dẫn trong thư điện tử hoặc tin nhắn Zalo, hoặc sao chép lại toàn bộ đường dẫn.'],
  },
  'bad-signature': {
    status: 403,
    title: 'Đường dẫn không hợp lệ',
    message: 'Đường dẫn này không do hệ thống Đôn Đốc cấp hoặc đã bị sửa đổi, nên không thể mở.',
    details: ['Vui lòng dùng đường dẫn trong thư nhắc việc mới nhất. Nếu bạn nghi thư không phải do Sở KH&CN gửi, đừng bấm vào các đường dẫn khác trong thư đó.'],
  },
  expired: {
    status: 410,
    title: 'Đường dẫn đã hết hạn',
    message: 'Đường dẫn này đã quá thời hạn sử dụng.',
    details: ['Mỗi thư nhắc mới có một đường dẫn mới; vui lòng dùng đường dẫn trong thư nhắc gần nhất, hoặc liên hệ Sở KH&CN để được gửi lại.'],
  },
  'unknown-key': {
    status: 410,
    title: 'Đường dẫn không còn hiệu lực',
    message: 'Đường dẫn này được ký bằng một khóa mà hệ thống đã thay, nên không còn mở được.',
    details: ['Vui lòng dùng đường dẫn trong thư nhắc gần nhất, hoặc liên hệ Sở KH&CN để được gửi lại.'],
  },
  'wrong-purpose': {
    status: 403,
    title: 'Đường dẫn không mở được trang này',
    message: 'Đường dẫn này không dùng để mở trang nhiệm vụ hay báo cáo (ví dụ đường dẫn lịch dùng cho ứng dụng lịch).',
    details: ['Vui lòng dùng đường dẫn trong thư nhắc việc hoặc thư đề nghị báo cáo.'],
  },
  used: {
    status: 410,
    title: 'Đường dẫn đã được sử dụng',
    message: 'Đường dẫn này đã được dùng để gửi báo cáo, nên không mở lại được (mỗi đường dẫn chỉ dùng một lần).',
    details: ['Nội dung đã gửi vẫn được ghi nhận. Nếu cần bổ sung, vui lòng dùng đường dẫn trong thư nhắc mới nhất, hoặc liên hệ Sở KH&CN.'],
  },
  'not-found': {
    status: 404,
    title: 'Không tìm thấy nhiệm vụ hoặc báo cáo',
    message: 'Nhiệm vụ hoặc kỳ báo cáo của đường dẫn này không còn trong hệ thống.',
    details: ['Có thể kế hoạch đã được điều chỉnh. Vui lòng liên hệ Sở KH&CN để biết thêm.'],
  },
  reassigned: {
    status: 403,
    title: 'Đường dẫn không còn hiệu lực',
    message: 'Nhiệm vụ này đã được chuyển cho cơ quan khác, nên đường dẫn gửi cho cơ quan của bạn không còn hiệu lực.',
    details: ['Nếu việc chuyển giao chưa đúng, vui lòng liên hệ Sở KH&CN.'],
  },
};

@Injectable()
export class LinkExchangeService {
  constructor(
    private readonly config: AppConfigService,
    private readonly usedLinks: UsedLinkRepository,
    private readonly tokens: LinkSessionTokens,
    private readonly tasks: TaskWorkflowsRepository,
    private readonly reports: ReportService,
    private readonly contacts: OversightContactService,
    private readonly digests: DigestRepository,
  ) {}

  async open(token: string, nowMs = Date.now()): Promise<LinkOpening> {
    const claims = this.verifyAnyPurpose(token, this.config.linkKeys(), nowMs);
    if (typeof claims === 'string') return this.problem(claims);
    const page = PAGE_OF_PURPOSE[claims.purpose];
    if (!page) return this.problem('wrong-purpose');
    if (!isReadOnlyPurpose(claims.purpose) && (await this.usedLinks.isUsed(claims.nonce))) return this.problem('used');
    const missing = await this.subjectProblem(page, claims);
    if (missing) return this.problem(missing);
    const { token: cookie, session } = await this.tokens.seal(claims, nowMs);
    return { ok: true, location: LINK_PAGE_PATHS[page], cookie, session };
  }

  /** The token's claims whatever its purpose (the purpose decides the page), or why it is refused. */
  private verifyAnyPurpose(token: string, keys: LinkKeyRing, nowMs: number): LinkClaims | LinkProblem {
    let first: LinkProblem | null = null;
    for (const purpose of LINK_PURPOSES as readonly LinkPurpose[]) {
      const result = verifyLinkToken(token, keys, purpose, nowMs);
      if (result.ok) return result.claims;
      if (result.reason !== 'wrong-purpose') return result.reason;
      first ??= result.reason;
    }
    return first ?? 'malformed';
  }

  /**
   * The task, report or digest must exist; an acting link must still belong to
   * the agency it names (a task moved to another agency revokes it). Read-only
   * links name the recipient's own agency, so only existence is checked.
   */
  private async subjectProblem(page: LinkPage, claims: LinkClaims): Promise<LinkProblem | null> {
    const readOnly = isReadOnlyPurpose(claims.purpose);
    try {
      if (page === 'task') {
        const task = await this.tasks.describe(claims.subject);
        return readOnly || task.agencyId === claims.agencyId ? null : 'reassigned';
      }
      if (page === 'digest') {
        const digest = await this.digests.find(claims.subject.replace(/^digest\//, ''));
        return digest && digest.recipientAgencyId === claims.agencyId ? null : 'not-found';
      }
      const [, planId, cycleKey, agencyId] = /^report\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(claims.subject) ?? [];
      if (!planId || !cycleKey || !agencyId || (!readOnly && agencyId !== claims.agencyId)) return 'bad-signature';
      await this.reports.agency(planId, cycleKey, agencyId);
      return null;
    } catch (error) {
      if (error instanceof NotFoundError) return 'not-found';
      throw error;
    }
  }

  private async problem(reason: LinkProblem): Promise<LinkOpening> {
    const { status, ...page } = PROBLEMS[reason];
    return { ok: false, status, reason, page: { ...page, contact: await this.contacts.contact() } };
  }
}
