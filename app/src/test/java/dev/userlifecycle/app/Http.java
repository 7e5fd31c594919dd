package dev.userlifecycle.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Sends JSON to the running app and reads the answer as a tree, so tests can state what a client sees. Every request
 * carries an API key: {@link TestApiKeys#EVERY_ROLE} unless the test chose another one ({@link #withKey}) or none
 * ({@link #withoutKey}), or set the {@code X-API-Key} header itself.
 */
public final class Http {

    public static final String API_KEY_HEADER = "X-API-Key";

    private final TestRestTemplate rest;
    private final String apiKey;
    private final ObjectMapper json = new ObjectMapper();

    public Http(TestRestTemplate rest) {
        this(rest, TestApiKeys.EVERY_ROLE);
    }

    /** A client of an application started in the test (on {@code --server.port=0}), with the every-role key. */
    public static Http of(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return new Http(new TestRestTemplate(
                new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }

    private Http(TestRestTemplate rest, String apiKey) {
        this.rest = rest;
        this.apiKey = apiKey;
    }

    /** The same client with another API key. */
    public Http withKey(String key) {
        return new Http(rest, key);
    }

    /** The same client without an API key. */
    public Http withoutKey() {
        return new Http(rest, null);
    }

    public Response post(String path, String body) {
        return send(HttpMethod.POST, path, body, new HttpHeaders());
    }

    public Response post(String path, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", idempotencyKey);
        return send(HttpMethod.POST, path, body, headers);
    }

    public Response put(String path, String body) {
        return send(HttpMethod.PUT, path, body, new HttpHeaders());
    }

    public Response get(String path) {
        return send(HttpMethod.GET, path, null, new HttpHeaders());
    }

    /**
     * GETs {@code path} until it answers 200 with a body that is {@code ready}, within 15 s: read models follow the
     * events within a short lag.
     */
    public JsonNode awaitGet(String path, Predicate<JsonNode> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (last.status() == 200 && ready.test(last.body())) {
                return last.body();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(path + " not ready within 15 s; last answer: "
                                 + (last == null ? null : last.status() + " " + last.body()));
    }

    /** POSTs a multipart form: a file as the part {@code part}, and text fields. */
    public Response upload(String path, String part, String fileName, byte[] content, Map<String, String> fields) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(part, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        fields.forEach(form::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return send(HttpMethod.POST, path, form, headers);
    }

    public Response send(HttpMethod method, String path, Object body, HttpHeaders headers) {
        if (headers.getContentType() == null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        if (apiKey != null && !headers.containsKey(API_KEY_HEADER)) {
            headers.set(API_KEY_HEADER, apiKey);
        }
        ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return new Response(response.getStatusCode().value(), response.getHeaders(), parse(response.getBody()),
                            response.getBody());
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(body);
        }
    }

    /** {@code body} is the answer read as one JSON document; {@code text} is the answer as it came (NDJSON). */
    public record Response(int status, HttpHeaders headers, JsonNode body, String text) {

        /** Each line of an NDJSON answer, read as JSON. */
        public java.util.List<JsonNode> lines() {
            java.util.List<JsonNode> lines = new java.util.ArrayList<>();
            if (text != null) {
                text.lines().filter(line -> !line.isBlank()).forEach(line -> lines.add(readLine(line)));
            }
            return lines;
        }

        private static JsonNode readLine(String line) {
            try {
                return new ObjectMapper().readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }

        /** The {@code field} of each entry of a problem's {@code errors}. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            body.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            return fields;
        }
    }
}
