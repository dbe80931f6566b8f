package nl.knooppunt.archfixture.channel.soap;

import nl.knooppunt.archfixture.workflow.Progress;

/** A channel calling the workflow directly instead of the inbound door. */
public class Operations {
    Progress progress;
}
