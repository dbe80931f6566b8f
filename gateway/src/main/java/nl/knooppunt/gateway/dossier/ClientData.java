package nl.knooppunt.gateway.dossier;

import java.time.LocalDate;

/**
 * The personal data in a dossier (Gegevens Klant and the SHV's contact person). Stored only
 * encrypted, never logged, and purged after the retention period.
 */
public record ClientData(
        String clientNumberShv,
        Person client,
        Person partner,
        Address address,
        ContactPerson contactPerson) {

    /** A client or partner as the BRP knows them. */
    public record Person(String gender, String initials, String firstNames, String surnamePrefix,
                         String surname, LocalDate birthDate, String bsn) {

        @Override
        public String toString() {
            return "Person[***]";
        }
    }

    /** A BRP/BAG-style address. */
    public record Address(String street, Integer houseNumber, String houseLetter, String houseNumberAddition,
                          String postalCode, String city, String houseboatReference, String caravanReference) {

        @Override
        public String toString() {
            return "Address[***]";
        }
    }

    /** The SHV case worker the creditor can contact. */
    public record ContactPerson(String name, String phone, String email) {

        @Override
        public String toString() {
            return "ContactPerson[***]";
        }
    }

    @Override
    public String toString() {
        // Personal data must never reach a log line through string concatenation.
        return "ClientData[***]";
    }
}
