package nl.knooppunt.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataMaskerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "client 999990019 unknown | client [BSN] unknown",
            "mail j.jansen+schuld@voorbeeldstad.example failed | mail [e-mail] failed",
            "account NL91ABNA0417164300 blocked | account [IBAN] blocked",
            "lives at 1234 AB Voorbeeldstad | lives at [postcode] Voorbeeldstad",
            "lives at 1234AB | lives at [postcode]"})
    void personalIdentifiersAreBlankedOut(String line, String masked) {
        assertThat(PersonalDataMasker.mask(line)).isEqualTo(masked);
    }

    @Test
    void technicalIdentifiersAreLeftAlone() {
        String line = "batch 7f9c2a10-1234-4d6e-8123-123456789012 for creditor 00000001002000000001 attempt 3 "
                + "at 2026-11-22T10:00:00Z, port 8443, 123456789abc, took 12345678 ms";
        assertThat(PersonalDataMasker.mask(line)).isEqualTo(line);
    }
}
