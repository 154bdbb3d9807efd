package com.example;

import io.javalin.Javalin;

public class HelloWorld {
    public static void main(String[] args) {
        Javalin.create()
                .get("/", ctx -> ctx.result("Hello World"))
                .get("/health", ctx -> ctx.result("OK"))
                .start();
    }
}
