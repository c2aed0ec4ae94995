package org.jboss.arquillian.junit5;

import org.junit.jupiter.api.extension.Extension;

/**
 * Test double: an extension with the name of Arquillian's, which fmd-testmonitor recognises by name only (the real
 * one would start a container). Lets the tests prove how Arquillian tests are repeated.
 */
public class ArquillianExtension implements Extension {
}
