"""The panels beside the article (documents, labels, annotations, links, entities, search,
the start view) and the item models they show."""
