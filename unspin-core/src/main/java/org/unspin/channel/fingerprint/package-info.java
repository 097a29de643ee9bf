/**
 * Known tortured-phrase fingerprints: lists in the Problematic Paper Screener's CSV format
 * ({@link org.unspin.channel.fingerprint.FingerprintList}), their query syntax
 * ({@link org.unspin.channel.fingerprint.QueryParser}), and a one-pass Aho-Corasick matcher with
 * offsets ({@link org.unspin.channel.fingerprint.FingerprintMatcher}). The shipped list is the PPS
 * export of November 2025, CC BY 4.0.
 */
package org.unspin.channel.fingerprint;
