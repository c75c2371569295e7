-- Issue 17: the auxiliary heads and the embedding are optional outputs of a model; a model without an embedding
-- has embedding_dim 0 (its predictions store empty aux_logits / embedding arrays).
alter table inference_model drop constraint inference_model_embedding_dim_check;
alter table inference_model add constraint inference_model_embedding_dim_check check (embedding_dim >= 0);
