package nl.knooppunt.archfixture.outbound;

import nl.knooppunt.archfixture.dossier.Transitions;

/** The engine reaching into a feature. */
public class OutboundStatus {
    Transitions transitions;
}
