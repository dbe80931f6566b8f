package nl.knooppunt.archfixture.workflow;

/** A workflow service. */
public class Progress {}
