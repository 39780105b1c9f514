import type { FastifyInstance } from 'fastify';

/**
 * Every route the server registers, so that a request whose path exists but whose method does
 * not can be answered 405 with `Allow` instead of 404 (RFC 9110 § 15.5.6).
 */
export class RouteTable {
  private readonly routes: { pattern: RegExp; methods: Set<string> }[] = [];

  /** Must be attached before the routes are registered. */
  attach(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const source = route.url
        .split('/')
        .map((segment) =>
          segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/');
      const pattern = new RegExp(`^${source}/?$`);
      const existing = this.routes.find((r) => r.pattern.source === pattern.source);
      if (existing) methods.forEach((m) => existing.methods.add(m));
      else this.routes.push({ pattern, methods: new Set(methods) });
    });
  }

  /** The methods registered for `path`, HEAD included where GET is. */
  allowedMethods(path: string): string[] {
    const methods = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(path)) route.methods.forEach((m) => methods.add(m));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  }
}
