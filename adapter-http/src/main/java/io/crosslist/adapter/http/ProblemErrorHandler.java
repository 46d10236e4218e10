package io.crosslist.adapter.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses, as problems: what the server answers before a route runs (a malformed
 * request line, a URI or headers too large, an ambiguous path) or while it stops (503) is
 * {@code application/problem+json} like everything else, never Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

  @Override
  public boolean errorPageForMethod(String method) {
    return true; // a problem body whatever the method; HEAD responses drop it themselves
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    byte[] body = Problems.body(Problems.ofStatus(code));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    return ByteBuffer.wrap(Problems.body(Problems.ofStatus(status)));
  }
}
