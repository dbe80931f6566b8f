/**
 * CMS (RFC 5652) for the batch files exchanged with creditors over SFTP: detached signatures
 * ({@code .p7s}), their verification against the trusted PKIoverheid roots and CRLs, and
 * EnvelopedData encryption to a creditor's certificate. Every operation streams the file, so its
 * size is not bounded by the heap. See ADR 0301.
 *
 * <p>Plain classes without Spring annotations: construct them from key and trust stores
 * ({@link nl.knooppunt.gateway.security.cms.CmsIdentity#fromKeyStore}).
 */
package nl.knooppunt.gateway.security.cms;
