package nl.knooppunt.archfixture.web;

import nl.knooppunt.archfixture.dossier.DossierNotFound;

/** Web knowing a feature's exception. */
public class ProblemMapping {
    DossierNotFound notFound;
}
