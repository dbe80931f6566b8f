package nl.knooppunt.archfixture.dossier;

import nl.knooppunt.archfixture.web.ProblemMapping;

/** A feature exception that leans on web, as dossier did. */
public class DossierNotFound extends RuntimeException {
    ProblemMapping mapping;
}
