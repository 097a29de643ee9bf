/**
 * The HTTP server (DESIGN.md §3 {@code unspin-server}): a JSON API under {@code /api/} and the web
 * page at {@code /}, on Javalin.
 *
 * <p>{@link org.unspin.server.UnspinServer} is configured once by a
 * {@link org.unspin.server.ServerConfig} and an {@link org.unspin.server.Engine} (the shared,
 * read-only models) and then frozen; {@link org.unspin.server.ServeCommand} is the
 * {@code unspin serve} command line. Requests are parsed by {@link org.unspin.server.RequestText},
 * run on a bounded {@link org.unspin.server.WorkerPool} (429 when full, 503 past the time limit),
 * and every failure becomes an {@link org.unspin.server.ApiException} rendered as one JSON object
 * {@code {"error": "...", "status": N}}, never a stack trace.
 */
package org.unspin.server;
