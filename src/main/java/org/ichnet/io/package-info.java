/** Internal to ichnet, may change: use {@link org.ichnet.api} instead. */
package org.ichnet.io;
