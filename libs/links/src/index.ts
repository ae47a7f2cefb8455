export { createLinkToken, LINK_PURPOSES, LINK_REJECTIONS, type LinkClaims, type LinkPurpose, linkUrl, type LinkVerification, verifyLinkToken } from './signed-link';
