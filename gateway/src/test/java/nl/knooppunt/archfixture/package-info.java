/**
 * A miniature of the gateway with the package cycles that the seams issue found (outbound using a
 * dossier type, web mapping a feature's exception, a channel calling the workflow), for
 * ArchitectureTest to show that its rules catch them.
 */
package nl.knooppunt.archfixture;
