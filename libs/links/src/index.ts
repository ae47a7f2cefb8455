export { createLinkToken, LINK_PURPOSES, LINK_REJECTIONS, type LinkClaims, type LinkPurpose, type LinkVerification, verifyLinkToken } from './signed-link';
