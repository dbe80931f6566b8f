package nl.knooppunt.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The configured participants are in the database registry after start-up. */
@GatewayTest
class ParticipantRegistryTest {

    @Autowired
    ParticipantRepository participants;

    @Test
    void configuredCreditorHasItsChannelAndSchedule() {
        Participant soap = participants.findByOin(Dossiers.CREDITOR_SOAP).orElseThrow();

        assertThat(soap.kind()).isEqualTo(ParticipantKind.CREDITOR);
        assertThat(soap.name()).isEqualTo("Zorgverzekeraar Gezond");
        CreditorChannel channel = soap.channel().orElseThrow();
        assertThat(channel.type()).isEqualTo(ChannelType.SOAP);
        assertThat(channel.endpoint()).isEqualTo("https://localhost:9443/creditor/soap");
        assertThat(channel.scheduleCron()).isEqualTo("0 0 6 ? * MON-FRI");
        assertThat(channel.maxBatchSize()).isEqualTo(1000);
        assertThat(channel.maxWait()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void shvHasNoChannelAndInactiveFlagIsKept() {
        assertThat(participants.findByOin(Dossiers.SHV).orElseThrow().channel()).isEmpty();
        assertThat(participants.findByOin(Dossiers.CREDITOR_INACTIVE).orElseThrow().active()).isFalse();
    }

    @Test
    void upsertUpdatesInPlaceWithoutDuplicating() {
        int before = participants.findAll().size();
        Participant shv = participants.findByOin(Dossiers.OTHER_SHV).orElseThrow();

        Participant renamed = participants.upsert(Dossiers.OTHER_SHV, ParticipantKind.SHV, "Renamed", true,
                java.util.Optional.empty());

        assertThat(renamed.id()).isEqualTo(shv.id());
        assertThat(renamed.name()).isEqualTo("Renamed");
        assertThat(participants.findAll()).hasSize(before);
        participants.upsert(Dossiers.OTHER_SHV, ParticipantKind.SHV, shv.name(), true, java.util.Optional.empty());
    }

    @Test
    void oinMustHaveTwentyDigits() {
        assertThat(Oin.isValid("00000001002000000002")).isTrue();
        assertThat(Oin.isValid("0000000100200000000")).isFalse();
        assertThat(Oin.isValid("0000000100200000000X")).isFalse();
        assertThat(Oin.isValid(null)).isFalse();
    }
}
