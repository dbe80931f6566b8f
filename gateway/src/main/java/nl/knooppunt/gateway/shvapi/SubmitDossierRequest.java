package nl.knooppunt.gateway.shvapi;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.knooppunt.gateway.registry.Oin;

@Schema(name = "SubmitDossier", description = "A new dossier: the client, the type of settlement and one claim per creditor.")
@OneClaimPerCreditor
record SubmitDossierRequest(
        @Schema(description = "OIN of the submitting schuldhulpverlener.", example = "00000001001000000001")
        @NotBlank @Pattern(regexp = Oin.PATTERN, message = "must be an OIN of exactly 20 digits")
        String shvOin,

        @Schema(description = "The SHV's own reference for this dossier; unique per SHV. Submitting it again returns the existing dossier.",
                example = "GEM-2026-00042")
        @NotBlank @Size(max = REFERENCE_MAX) @Pattern(regexp = REFERENCE_PATTERN, message = REFERENCE_RULE)
        String shvReference,

        @Schema(description = "TypeSchuldregeling: SB schuldbemiddeling, SK saneringskrediet, SA zonder afloscapaciteit.",
                allowableValues = {"SB", "SK", "SA"}, example = "SK")
        @NotNull @ContractType("TypeSchuldregeling")
        String settlementType,

        @NotNull @Valid
        ClientRequest client,

        @Schema(description = "The SHV case worker creditors can contact (Contactpersoon).")
        @NotNull @Valid
        ContactPersonRequest contactPerson,

        @Schema(description = "One claim per creditor (Vorderingen).")
        @NotEmpty @Size(max = 200)
        List<@NotNull @Valid ClaimRequest> claims,

        // ---- answers (issue 14, item 7)
        @Schema(description = "Whether every creditor gets a Kennisgeving (the \"pauzeknop\": stop collection, add no "
                + "costs) before its Saldoverzoek; a Kennisgeving Publiek, with the client's BSN, for a creditor "
                + "that identifies clients by BSN when the client's BSN is given. Default false.",
                example = "false")
        Boolean kennisgeving) {

    // The SHV's reference is the API's own field (no contract message carries it): its own limits.
    static final int REFERENCE_MAX = 64;
    static final String REFERENCE_PATTERN = "[\\p{Alnum}._/:-]+";
    static final String REFERENCE_RULE = "may contain letters, digits and . _ / : - only";

    @Schema(name = "Client", description = "Gegevens Klant.")
    record ClientRequest(
            @Schema(description = "KlantnummerSHV: the SHV's own key for the client.", example = "K-000123")
            @NotBlank @ContractType("Kenmerk")
            String clientNumberShv,

            @NotNull @Valid
            PersonRequest person,

            @Schema(description = "The client's partner, when the debts are shared.")
            @Valid
            PersonRequest partner,

            @NotNull @Valid
            AddressRequest address) {}

    @Schema(name = "Person")
    record PersonRequest(
            @Schema(description = "M, V or O (onbekend), as in the BRP.", allowableValues = {"M", "V", "O"})
            @ContractType("Geslacht")
            String gender,

            @ContractType("Voorletters") String initials,
            @ContractType("Naam") String firstNames,
            @ContractType("Voorvoegsel") String surnamePrefix,

            @NotBlank @ContractType("Naam")
            String surname,

            @Schema(type = "string", format = "date", example = "1984-03-17")
            @NotNull @PastIsoDate
            String birthDate,

            @Schema(description = "Burgerservicenummer, only for creditors that work with BSN (Kennisgeving Publiek).")
            @Bsn
            String bsn) {}

    @Schema(name = "Address", description = "Current address of the client (BRP/BAG).")
    record AddressRequest(
            @NotBlank @ContractType("KorteTekst") String street,
            @NotNull @jakarta.validation.constraints.Positive @jakarta.validation.constraints.Max(99999) Integer houseNumber,
            @ContractType("Huisletter") String houseLetter,
            @ContractType("Huisnummertoevoeging") String houseNumberAddition,

            // The contract's Postcode, with the space people write accepted; the mapper removes it.
            @Schema(example = "1234AB")
            @NotBlank @Pattern(regexp = "[1-9][0-9]{3} ?[A-Z]{2}", message = "must be a Dutch postcode such as 1234AB")
            String postalCode,

            @NotBlank @ContractType("KorteTekst") String city,
            @ContractType("KorteTekst") String houseboatReference,
            @ContractType("KorteTekst") String caravanReference) {}

    @Schema(name = "ContactPerson")
    record ContactPersonRequest(
            @NotBlank @ContractType("Naam") String name,
            @ContractType("Telefoonnummer") String phone,
            @jakarta.validation.constraints.Email @ContractType("Emailadres") String email) {}

    @Schema(name = "ClaimSubmission", description = "A creditor and the invoices it holds, as far as the SHV knows.")
    record ClaimRequest(
            @Schema(description = "OIN of the creditor.", example = "00000001002000000001")
            @NotBlank @Pattern(regexp = Oin.PATTERN, message = "must be an OIN of exactly 20 digits")
            String creditorOin,

            @Schema(description = "KlantnummerSEVolgensSHV: the client's number at the creditor, if known.")
            @ContractType("Kenmerk")
            String clientNumberAtCreditor,

            @Schema(description = "FactuurnummerSEVolgensSHV: invoice numbers of the claim.")
            @NotEmpty @Size(max = 100)
            List<@NotBlank @ContractType("Kenmerk") String> invoiceNumbers,

            @Schema(description = "The amount the SHV believes is owed, in euros with two decimals.", example = "1250.00")
            @Pattern(regexp = "[0-9]{1,10}\\.[0-9]{2}", message = "must be an amount in euros with two decimals, e.g. 1250.00")
            String amount) {}
}
