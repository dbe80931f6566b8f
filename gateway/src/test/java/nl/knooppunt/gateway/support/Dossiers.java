package nl.knooppunt.gateway.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Valid dossier submissions to start tests from; every personal detail is fictitious. */
public final class Dossiers {

    public static final String SHV = "00000001001000000001";
    public static final String OTHER_SHV = "00000001001000000002";
    public static final String CREDITOR_MAILBOX = "00000001002000000001";
    public static final String CREDITOR_SOAP = "00000001002000000002";
    public static final String CREDITOR_INACTIVE = "00000001002000000003";

    private Dossiers() {}

    public static String newReference() {
        return "T-" + UUID.randomUUID();
    }

    /** A dossier of SHV {@link #SHV} with claims at the mailbox and the SOAP creditor. */
    public static ObjectNode valid(String shvReference) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode dossier = f.objectNode()
                .put("shvOin", SHV)
                .put("shvReference", shvReference)
                .put("settlementType", "SK");
        ObjectNode client = dossier.putObject("client").put("clientNumberShv", "K-0001");
        client.putObject("person")
                .put("gender", "V")
                .put("initials", "J.")
                .put("firstNames", "Jolanda")
                .put("surname", "Testpersoon")
                .put("birthDate", "1984-03-17")
                .put("bsn", "999990019");
        client.putObject("address")
                .put("street", "Proefstraat")
                .put("houseNumber", 12)
                .put("houseLetter", "a")
                .put("postalCode", "1234 AB")
                .put("city", "Voorbeeldstad");
        dossier.putObject("contactPerson")
                .put("name", "C. Consulent")
                .put("phone", "+31 30 123 4567")
                .put("email", "consulent@voorbeeldstad.example");
        ArrayNode claims = dossier.putArray("claims");
        claims.addObject()
                .put("creditorOin", CREDITOR_MAILBOX)
                .put("clientNumberAtCreditor", "HUUR-778")
                .put("amount", "1250.00")
                .putArray("invoiceNumbers").add("F-2026-001").add("F-2026-002");
        claims.addObject()
                .put("creditorOin", CREDITOR_SOAP)
                .putArray("invoiceNumbers").add("ZV-99");
        return dossier;
    }

    /** As {@link #valid}, with every optional field filled in too (a partner, every address field). */
    public static ObjectNode complete(String shvReference) {
        ObjectNode dossier = valid(shvReference);
        ((ObjectNode) dossier.at("/client/person")).put("surnamePrefix", "van der");
        ((ObjectNode) dossier.at("/client/address"))
                .put("houseNumberAddition", "bis")
                .put("houseboatReference", "Ligplaats 4")
                .put("caravanReference", "Standplaats 9");
        ((ObjectNode) dossier.get("client")).putObject("partner")
                .put("gender", "M")
                .put("initials", "P.")
                .put("firstNames", "Pieter")
                .put("surnamePrefix", "de")
                .put("surname", "Proefpartner")
                .put("birthDate", "1982-07-01")
                .put("bsn", "999990020");
        ((ObjectNode) dossier.at("/claims/1")).put("clientNumberAtCreditor", "ZV-REL-1").put("amount", "80.00");
        return dossier;
    }
}
