package se.samverka.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NamesTest {

    private record Titled(String title, int order) {
    }

    @Test
    void collectsInSwedishOrderWithAbsentNamesLastAndEqualNamesAsTheyCame() {
        List<Titled> titled = List.of(new Titled("Örnsköldsvik", 1), new Titled(null, 2), new Titled("arktis", 3),
                new Titled("Älvdalen", 4), new Titled("Zebra", 5), new Titled("Åre", 6), new Titled("Arktis", 7),
                new Titled("Zebra", 8));

        List<Titled> sorted = titled.stream().collect(Names.byName(Titled::title));

        assertThat(sorted).extracting(Titled::order).containsExactly(3, 7, 5, 8, 6, 4, 1, 2);
    }

    @Test
    void putsNamesInTheOrderTheComparatorDoes() {
        List<String> names = new ArrayList<>();
        Random random = new Random(15);
        String letters = "aAbBcCeéEzZåÅäÄöÖ -";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int length = 1 + random.nextInt(6); length > 0; length--) {
                name.append(letters.charAt(random.nextInt(letters.length())));
            }
            names.add(name.toString());
        }
        List<String> expected = new ArrayList<>(names);
        expected.sort(Names.ORDER);
        Collections.shuffle(names, random);

        assertThat(names.stream().collect(Names.byName(name -> name))).isEqualTo(expected);
    }
}
