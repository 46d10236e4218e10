/**
 * HTTP adapter (Javalin): the REST API over the application's in-ports. Placeholder until the HTTP
 * service issue; it will depend on application only, never on another adapter.
 */
package io.crosslist.adapter.http;
