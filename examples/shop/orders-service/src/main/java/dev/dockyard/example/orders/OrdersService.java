package dev.dockyard.example.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dockyard.example.common.HttpService;

/** The orders service: {@code GET /orders} lists orders. */
public final class OrdersService {

    private static final Logger LOG = LoggerFactory.getLogger(OrdersService.class);

    private OrdersService() {
    }

    public static void main(String[] args) throws Exception {
        LOG.info("orders-service starting");
        new HttpService("orders-service")
                .route("/orders", exchange -> HttpService.respond(exchange, 200, "[]"))
                .run();
    }
}
