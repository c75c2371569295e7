/**
 * Statistics for reader studies: plain Java, no framework.
 */
package org.dermread.stats;
