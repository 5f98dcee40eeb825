package se.samverka.reporting.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the open-data endpoints answer, apart from the data: the catalogue's syntax and the headers. */
class OpenDataControllerTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "*/*                                                              | text/turtle",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | text/turtle",
            "application/ld+json                                              | application/ld+json",
            "application/rdf+xml, */*                                         | application/rdf+xml",
            "application/ld+json;q=0.5, text/turtle                           | text/turtle",
            "application/*                                                    | application/ld+json",
            "application/pdf                                                  | -",
            "text/turtle;q=0, application/pdf                                 | -"})
    void theCatalogueIsWrittenInTheSyntaxTheCallerTakesBest(String accept, String chosen) {
        assertThat(OpenDataController.chosen(MediaType.parseMediaTypes(accept)).map(MediaType::getSubtype))
                .isEqualTo(Optional.ofNullable(chosen).map(type -> MediaType.parseMediaType(type)
                        .getSubtype()));
    }

    @Test
    void everyAnswerNamesItsLicenceAndCarriesATagAndHowLongItMayBeKept() {
        Download download = Download.of("name\r\n".getBytes(StandardCharsets.UTF_8));

        ResponseEntity<byte[]> answer = OpenDataController.answer(download, OpenDataController.CSV,
                Licence.CC_BY_4_0);

        assertThat(answer.getHeaders().getFirst(HttpHeaders.LINK))
                .isEqualTo("<http://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
        assertThat(answer.getHeaders().getETag()).isEqualTo(download.etag()).matches("\"[0-9a-f]{32}\"");
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("max-age=60, public");
        assertThat(answer.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8;header=present");
        assertThat(Download.of("name\r\n".getBytes(StandardCharsets.UTF_8)).etag()).isEqualTo(download.etag());
        assertThat(Download.of("name\n".getBytes(StandardCharsets.UTF_8)).etag()).isNotEqualTo(download.etag());
    }
}
