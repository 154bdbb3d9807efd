package com.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class Greeter {
    public static void main(String[] args) {
        SpringApplication.run(Greeter.class, args);
    }

    @GetMapping("/")
    public String hello() {
        return "hello";
    }
}
