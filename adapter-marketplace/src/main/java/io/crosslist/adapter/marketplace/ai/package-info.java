/**
 * Listing suggesters (implementations of the {@code ListingSuggester} out-port): {@link
 * io.crosslist.adapter.marketplace.ai.OfflineListingSuggester}, the default, composes suggestions from a product's own
 * attributes; {@link io.crosslist.adapter.marketplace.ai.ChatCompletionsSuggester} asks a language model over the
 * OpenAI-compatible chat-completions protocol (hosted services and local servers alike), configured by {@link
 * io.crosslist.adapter.marketplace.ai.AiSettings}.
 */
package io.crosslist.adapter.marketplace.ai;
