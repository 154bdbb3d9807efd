package it.boot;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class GreetingController {

    private final GreetingRepository greetings;

    GreetingController(GreetingRepository greetings) {
        this.greetings = greetings;
    }

    @GetMapping("/greetings")
    List<Greeting> greetings() {
        return greetings.findAll();
    }
}
