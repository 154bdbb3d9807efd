package dev.dockyard.image.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackPlanTest {

    static ServiceSpec service(String name, String... dependsOn) {
        return Services.service(name, "acme/" + name + ":1.0", List.of(8080), Map.of(), List.of(dependsOn));
    }

    @Test
    void dependenciesStartFirstAndTheRestInNameOrder() throws StackException {
        StackPlan plan = StackPlan.of(
                List.of(service("web", "orders", "users"), service("orders", "db"), service("users"), service("db")));
        assertEquals(
                List.of("db", "orders", "users", "web"),
                plan.startOrder().stream().map(ServiceSpec::name).toList());
    }

    @Test
    void anUnknownDependencyIsOneErrorListingTheModules() {
        StackException e = assertThrows(
                StackException.class,
                () -> StackPlan.of(
                        List.of(service("orders", "inventroy"), service("inventory"), service("web", "payments"))));
        assertEquals(
                "<dependsOn> names unknown services: orders (orders/pom.xml) depends on 'inventroy',"
                        + " which is not a module with an image in this reactor; web (web/pom.xml) depends on 'payments',"
                        + " which is not a module with an image in this reactor. The reactor's services are: inventory,"
                        + " orders, web. Use their artifactIds.",
                e.getMessage());
    }

    @Test
    void aCycleIsNamedWithItsModules() {
        StackException e = assertThrows(
                StackException.class,
                () -> StackPlan.of(List.of(service("a", "b"), service("b", "c"), service("c", "a"), service("d"))));
        assertEquals(
                "<dependsOn> forms a cycle: a -> b -> c -> a. A service cannot wait for one that waits"
                        + " for it; remove one of these dependencies. Modules in the cycle: a, b, c.",
                e.getMessage());
    }

    @Test
    void aServiceDependingOnItselfIsRefused() {
        StackException e = assertThrows(StackException.class, () -> StackPlan.of(List.of(service("a", "a"))));
        assertEquals(
                "<dependsOn> names unknown services: a (a/pom.xml) depends on itself. The reactor's"
                        + " services are: a. Use their artifactIds.",
                e.getMessage());
    }

    @Test
    void onlyKeepsTheNamedServicesAndWhatTheyNeed() throws StackException {
        StackPlan plan = StackPlan.of(
                List.of(service("web", "orders"), service("orders", "db"), service("db"), service("other")));
        assertEquals(
                List.of("db", "orders"),
                plan.only(List.of("orders")).startOrder().stream()
                        .map(ServiceSpec::name)
                        .toList());
        StackException e = assertThrows(StackException.class, () -> plan.only(List.of("nope")));
        assertEquals(
                "<services> names nope, not a module with an image in this reactor. The reactor's"
                        + " services are: db, orders, other, web.",
                e.getMessage());
    }
}
