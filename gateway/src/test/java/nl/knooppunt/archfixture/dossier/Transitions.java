package nl.knooppunt.archfixture.dossier;

/** Stands for the old dossier.Transitions that outbound used. */
public class Transitions {}
