package se.samverka.identity;

import org.junit.jupiter.api.Test;
import se.samverka.platform.test.ProblemBundles;

/** Every text of the API's problem documents and of the pages has its Swedish, and comes out as written. */
class ProblemTextsTest {

    @Test
    void theProblemTextsAreComplete() {
        ProblemBundles.assertComplete("problems");
    }

    @Test
    void thePagesTextsAreComplete() {
        ProblemBundles.assertComplete("pages");
    }
}
