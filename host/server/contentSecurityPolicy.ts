/**
 * The one Content-Security-Policy of the app, used by the Electron window and by browser
 * mode: only our own scripts (no inline script, no eval, no remote code); inline styles
 * because React Flow and Monaco set style attributes; Monaco's workers come from our own
 * origin or blob: URLs it creates; fonts and images from our origin or data: URLs.
 * Browser mode adds its own WebSocket origin to connect-src.
 */
export function contentSecurityPolicy(options: { webSocketOrigins?: string[] } = {}): string {
  const connect = ["'self'", ...(options.webSocketOrigins ?? [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every browser-mode response carries. */
export function securityHeaders(port: number): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy({ webSocketOrigins: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] }),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
    'cache-control': 'no-store',
  };
}
