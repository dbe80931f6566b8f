package nl.knooppunt.gateway.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.UUID;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import org.springframework.stereotype.Component;

/** Turns a dossier's personal data into the encrypted column value and back, bound to the dossier id. */
@Component
class ClientDataCodec {

    // A private mapper: the storage format must not change with the API's JSON settings.
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final PersonalDataCipher cipher;

    ClientDataCodec(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    byte[] seal(UUID dossierId, ClientData data) {
        try {
            return cipher.encrypt(json.writeValueAsBytes(data), context(dossierId));
        } catch (IOException e) {
            throw new IllegalStateException("Client data cannot be serialised", e);
        }
    }

    ClientData open(UUID dossierId, byte[] sealed) {
        try {
            return json.readValue(cipher.decrypt(sealed, context(dossierId)), ClientData.class);
        } catch (IOException e) {
            throw new IllegalStateException("Stored client data of a dossier cannot be read", e);
        }
    }

    private static String context(UUID dossierId) {
        return "dossier:" + dossierId;
    }
}
