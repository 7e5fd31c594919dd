package dev.userlifecycle.app.readme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What {@code curl -H "X-API-Key: $KEY" localhost:8080/...} does in the README. */
final class ServiceClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final String key;

    ServiceClient(int port, String key) {
        this.base = URI.create("http://localhost:" + port);
        this.key = key;
    }

    ServiceClient withKey(String key) {
        return new ServiceClient(base.getPort(), key);
    }

    int status(String path) throws IOException, InterruptedException {
        return get(path).status();
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return key == null ? request : request.header("X-API-Key", key);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        JsonNode tree = body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        return new Answer(response.statusCode(), tree);
    }

    record Answer(int status, JsonNode body) {
    }
}
