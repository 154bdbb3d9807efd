package bench;

/** The class the benchmark changes between two builds. */
final class Greeting {

    private Greeting() {
    }

    static String text() {
        return "hello, revision 1";
    }
}
