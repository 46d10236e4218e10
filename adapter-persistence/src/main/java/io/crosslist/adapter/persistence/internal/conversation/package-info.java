/**
 * Internal: the persistence of buyer conversations ({@code ${tenant}.conversation_threads}, {@code
 * conversation_messages}): {@link
 * io.crosslist.adapter.persistence.internal.conversation.MyBatisConversationRepository} and its mapper. Each
 * mapper's SQL is in the XML file of the same name in this package's resource folder. Every statement goes
 * through {@link io.crosslist.adapter.persistence.internal.tenancy.MyBatisUnitOfWork}.
 *
 * <p>Not API: types here are public only so that {@link io.crosslist.adapter.persistence.PersistenceModule} can
 * bind them. Nothing outside {@code io.crosslist.adapter.persistence} may depend on them (an ArchUnit rule in
 * {@code architecture-tests} enforces it).
 */
package io.crosslist.adapter.persistence.internal.conversation;
