package io.crosslist.bootstrap;

import io.crosslist.library.CrosslistModule;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.crosslist.adapter.http.CrosslistHttpApi;
import io.crosslist.adapter.http.HttpSettings;
import io.crosslist.adapter.persistence.Persistence;
import io.crosslist.application.port.out.Readiness;
import io.crosslist.domain.tenant.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing the API lets a request that is already in flight finish instead of cutting it off. */
class HttpDrainTest {
  private static final String SECRET = "drain-test-secret-of-at-least-32-bytes";

  @Test
  void a_request_in_flight_when_the_api_closes_still_gets_its_answer() throws Exception {
    Persistence db = Persistence.get();
    Injector injector = db.injector.createChildInjector(new CrosslistModule(), new io.crosslist.adapter.http.CrosslistHttpModule());
    CrosslistHttpApi api = new CrosslistHttpApi(HttpSettings.of(0, SECRET),
        injector.getInstance(CrosslistHttpApi.Ports.class),
        new CrosslistHttpApi.Operations(injector.getInstance(Readiness.class), new SimpleMeterRegistry(), null));
    int port = api.start();
    TenantId tenant = db.newTenant();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
        .subject(String.valueOf(tenant.value())).expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
    jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
    byte[] body = ("{\"title\": \"Levi's 501\", \"price\": {\"amount\": \"40.00\", \"currency\": \"EUR\"},"
        + " \"category\": \"mens-jeans\", \"condition\": \"good\"}").getBytes(StandardCharsets.UTF_8);

    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /products HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + jwt.serialize()
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, 10); // the handler is now waiting for the rest of the body
      out.flush();
      Thread.sleep(300);
      CompletableFuture<Void> closing = CompletableFuture.runAsync(api::close);
      Thread.sleep(500);
      assertFalse(closing.isDone(), "close() waits for the request in flight");
      out.write(body, 10, body.length - 10);
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertTrue(response.startsWith("HTTP/1.1 201"), "the request in flight was answered: " + response);
      closing.get(30, TimeUnit.SECONDS);
    }
  }
}
