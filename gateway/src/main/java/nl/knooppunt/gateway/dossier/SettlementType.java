package nl.knooppunt.gateway.dossier;

/** TypeSchuldregeling of the module Schuldregeling. */
public enum SettlementType {
    /** Schuldbemiddeling: the client pays what they can in instalments, then finale kwijting. */
    SB,
    /** Saneringskrediet: a one-off buy-out of all creditors with a loan. */
    SK,
    /** Schuldregeling zonder afloscapaciteit: no repayment capacity. */
    SA
}
