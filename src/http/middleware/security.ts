import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * A strict Content-Security-Policy: scripts only from this site (no inline script, no eval),
 * styles only from this site, media also from blob: (hls.js feeds the player through
 * MediaSource). `frameAncestors` is widened only for the embed page and the media it loads.
 */
export function securityHeaders(options: { mediaOrigins?: readonly string[]; embeddable?: boolean } = {}): RequestHandler {
  const media = ["'self'", 'blob:', ...(options.mediaOrigins ?? [])];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...(options.mediaOrigins ?? [])],
        mediaSrc: media,
        connectSrc: ["'self'", ...(options.mediaOrigins ?? [])],
        workerSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: options.embeddable ? ['*'] : ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // The embed page must load in other sites' frames; everything else stays same-origin only.
    frameguard: options.embeddable ? false : { action: 'sameorigin' },
    // Media and the embed page are loaded cross-origin by sites that embed a talk.
    crossOriginResourcePolicy: { policy: options.embeddable ? 'cross-origin' : 'same-origin' },
    crossOriginEmbedderPolicy: false,
    // Served over plain HTTP on a laptop too: HSTS is the reverse proxy's decision.
    strictTransportSecurity: false,
  });
}
