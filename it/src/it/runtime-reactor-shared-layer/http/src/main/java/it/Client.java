package it;

import java.net.http.HttpClient;

/** Makes this service need java.net.http. */
public final class Client {
    private Client() {}

    public static HttpClient client() {
        return HttpClient.newHttpClient();
    }
}
