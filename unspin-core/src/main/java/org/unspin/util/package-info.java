/** Small helpers shared by the core packages (a dependency-free JSON reader and writer). */
package org.unspin.util;
