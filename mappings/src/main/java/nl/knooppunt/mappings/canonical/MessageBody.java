package nl.knooppunt.mappings.canonical;

/** The business content of a message; one record per message type. */
public sealed interface MessageBody
        permits Kennisgeving, KennisgevingPubliek, KennisgevingAntwoord, GeenMedewerking, Saldoverzoek, SaldoAntwoord,
        Betaalvoorstel, BetaalvoorstelAntwoord,
        Heroverweging, SchuldregelingAkkoord, SchuldregelingBeeindigd, StatusberichtSHV, StatusberichtSE,
        Statusverzoek {

    MessageType messageType();
}
