package dev.accordhub.connectors.scim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.accordhub.connectors.scim.ScimTestClient.json;
import static dev.accordhub.connectors.scim.ScimTestClient.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

class ScimConcurrencyTest {

    private static final int THREADS = 8;

    private final ScimTestClient scim = new ScimTestClient();

    /** Starts every call at once and returns the statuses. */
    private List<Integer> race(List<Callable<ScimResponse>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ScimResponse>> futures = new ArrayList<>();
            for (Callable<ScimResponse> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ScimResponse> future : futures) {
                statuses.add(future.get(30, TimeUnit.SECONDS).status());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCreatesOfOneUserNameLetExactlyOneThrough() throws Exception {
        List<Callable<ScimResponse>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS * 4; i++) {
            String userName = i % 2 == 0 ? "same@example.com" : "SAME@example.com";
            calls.add(() -> scim.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + "\"userName\":\"" + userName + "\"}"));
        }

        List<Integer> statuses = race(calls);

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(THREADS * 4 - 1);
        assertThat(scim.store.all("User")).hasSize(1);
    }

    @Test
    void concurrentMemberAdditionsAreNotLost() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < THREADS * 3; i++) {
            users.add(scim.createUser("member" + i + "@example.com"));
        }
        String group = scim.create("/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"All\"}");
        List<Callable<ScimResponse>> calls = new ArrayList<>();
        for (String user : users) {
            calls.add(() -> scim.patch("/Groups/" + group,
                    patchOp("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}]")));
        }

        List<Integer> statuses = race(calls);

        assertThat(statuses).containsOnly(200);
        assertThat(json(scim.get("/Groups/" + group)).get("members").findValuesAsText("value"))
                .containsExactlyInAnyOrderElementsOf(users);
        assertThat(json(scim.get("/Groups/" + group)).get("meta").get("version").asText())
                .isEqualTo("W/\"" + (users.size() + 1) + "\"");
    }
}
