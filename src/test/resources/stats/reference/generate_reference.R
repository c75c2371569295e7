# Reference data and expected values for DermRead's statistics engine.
#
# Run from this folder:  Rscript generate_reference.R
# Needs: R >= 4.2 and pROC (Debian: r-base-core, r-cran-proc). Everything else is written here straight from the
# papers' equations (Cohen 1960; Fleiss 1971; Fleiss, Nee & Landis 1979; Obuchowski & Rockette 1995; Hillis 2007),
# independently of the Java code. Outputs:
#   bundle/            an export bundle (cases, labels, readings, readers, ai_predictions, analysis.json)
#   mrmc-complete.imrmc, mrmc-partial.imrmc, roc-table.csv
#   expected.csv       key,value pairs the JUnit tests compare against (1e-6 proportions/AUCs, 1e-4 the rest)
suppressMessages(library(pROC))
options(digits = 17)
set.seed(20210101)
expected <- list()
put <- function(key, value) expected[[key]] <<- value

## ---------------------------------------------------------------- the bundle
labels <- c("MN", "BCC", "SK", "Pso", "DF")        # DF has no cases: the "class with no cases" edge case
real <- labels[1:4]
n_cases <- 150
case_id <- sprintf("C%03d", 1:n_cases)
truth <- sample(real, n_cases, replace = TRUE, prob = c(0.35, 0.2, 0.25, 0.2))
n_readers <- 10
reader_id <- sprintf("R%02d", 1:n_readers)
years <- c(1, 2, 2.5, 3, 5, 8, 10, 12, 20, NA)
skill <- c(0.55, 0.6, 0.5, 0.65, 0.7, 0.72, 0.75, 0.8, 0.82, 0.7)
dir.create("bundle", showWarnings = FALSE)
write.csv(data.frame(case_id = case_id, truth = truth), "bundle/cases.csv", row.names = FALSE, quote = FALSE)
write.csv(data.frame(position = seq_along(labels), code = labels), "bundle/labels.csv", row.names = FALSE,
          quote = FALSE)
write.csv(data.frame(reader_id = reader_id, years_dermatology = ifelse(is.na(years), "", years),
                     years_dermoscopy = ifelse(is.na(years), "", pmax(0, years - 1)),
                     board_certified = "true", title = "attending", hospital_level = "tertiary"),
          "bundle/readers.csv", row.names = FALSE, quote = FALSE)
answer <- function(t, p) {
  if (runif(1) < p) return(t)
  others <- setdiff(labels, t)
  sample(others, 1, prob = ifelse(others == "DF", 0.1, 1))
}
rows <- list()
for (phase in c("unaided", "aided")) {
  for (r in 1:n_readers) {
    read <- if (phase == "unaided") sort(sample(n_cases, 110)) else 1:n_cases   # unaided: incomplete design
    p <- skill[r] + ifelse(phase == "aided", 0.1, 0)
    for (c in read) {
      a <- answer(truth[c], p)
      if (r == 3 && a == "BCC") a <- "SK"                                  # reader R03 never chooses BCC
      conf <- if (runif(1) < 0.1) NA else sample(1:5, 1)
      rows[[length(rows) + 1]] <- data.frame(reader_id = reader_id[r], case_id = case_id[c], phase = phase,
                                             label = a, confidence = ifelse(is.na(conf), "", conf),
                                             shown_at = "2024-01-01T00:00:00Z", answered_at = "2024-01-01T00:00:05Z")
    }
  }
}
readings <- do.call(rbind, rows)
write.csv(readings, "bundle/readings.csv", row.names = FALSE, quote = FALSE)
logits <- matrix(rnorm(n_cases * 5), n_cases, 5)
for (c in 1:n_cases) logits[c, match(truth[c], labels)] <- logits[c, match(truth[c], labels)] + 2.2
logits[, 5] <- logits[, 5] - 3
prob <- exp(logits) / rowSums(exp(logits))
prob <- round(prob, 2)                               # rounding makes tied scores on purpose
colnames(prob) <- paste0("p_", labels)
ai <- data.frame(case_id = case_id, prob, raw_p_LP = 0.01, check.names = FALSE)
write.csv(ai, "bundle/ai_predictions.csv", row.names = FALSE, quote = FALSE)
writeLines('{ "bootstrap_replicates": 200, "seed": 7, "experience_cut_points": [3, 10] }', "bundle/analysis.json")

## Read everything back exactly as the Java side will.
cases <- read.csv("bundle/cases.csv", stringsAsFactors = FALSE)
rd <- read.csv("bundle/readings.csv", stringsAsFactors = FALSE)
ai <- read.csv("bundle/ai_predictions.csv", stringsAsFactors = FALSE, check.names = FALSE)
truth <- cases$truth[match(ai$case_id, cases$case_id)]
P <- as.matrix(ai[, paste0("p_", labels)])
ai_label <- labels[apply(P, 1, which.max)]         # which.max: first maximum, as the Java side

## ---------------------------------------------------------------- per reader (textbook formulas)
for (phase in c("unaided", "aided")) {
  sub <- rd[rd$phase == phase, ]
  means <- list()
  for (r in reader_id) {
    x <- sub[sub$reader_id == r, ]
    t <- cases$truth[match(x$case_id, cases$case_id)]
    a <- x$label
    key <- paste(phase, "reader", r, sep = ".")
    put(paste0(key, ".cases"), nrow(x))
    put(paste0(key, ".accuracy"), mean(a == t))
    recall <- sapply(unique(t), function(k) mean(a[t == k] == k))
    put(paste0(key, ".balanced_accuracy"), mean(recall))
    po <- mean(a == t)
    pe <- sum(sapply(labels, function(k) mean(t == k) * mean(a == k)))
    put(paste0(key, ".kappa"), (po - pe) / (1 - pe))
    put(paste0(key, ".kappa_se"), sqrt(po * (1 - po) / (length(t) * (1 - pe)^2)))
    for (k in labels) {
      tp <- sum(a == k & t == k); fn <- sum(a != k & t == k); fp <- sum(a == k & t != k); tn <- sum(a != k & t != k)
      put(paste0(key, ".", k, ".sensitivity"), if (tp + fn > 0) tp / (tp + fn) else NaN)
      put(paste0(key, ".", k, ".specificity"), tn / (tn + fp))
      put(paste0(key, ".", k, ".ppv"), if (tp + fp > 0) tp / (tp + fp) else NaN)
      put(paste0(key, ".", k, ".npv"), tn / (tn + fn))
      put(paste0(key, ".", k, ".f1"), if (2 * tp + fp + fn > 0) 2 * tp / (2 * tp + fp + fn) else NaN)
    }
  }
  ## panel means / medians over readers (readers with an undefined figure are left out)
  for (fig in c("accuracy", "balanced_accuracy", "kappa")) {
    v <- sapply(reader_id, function(r) expected[[paste(phase, "reader", r, fig, sep = ".")]])
    put(paste(phase, "panel", fig, "mean", sep = "."), mean(v))
    put(paste(phase, "panel", fig, "median", sep = "."), median(v))
  }
  for (k in labels) for (fig in c("sensitivity", "specificity", "ppv", "f1")) {
    v <- sapply(reader_id, function(r) expected[[paste(phase, "reader", r, k, fig, sep = ".")]])
    v <- v[!is.nan(v)]
    put(paste(phase, "panel", k, fig, "mean", sep = "."), if (length(v)) mean(v) else NaN)
    put(paste(phase, "panel", k, fig, "median", sep = "."), if (length(v)) median(v) else NaN)
    put(paste(phase, "panel", k, fig, "readers", sep = "."), length(v))
  }
  ## Fleiss (1971), generalised to varying raters per case; SE (Fleiss, Nee & Landis 1979) when n is constant
  tab <- t(sapply(case_id, function(c) sapply(labels, function(k) sum(sub$case_id == c & sub$label == k))))
  ni <- rowSums(tab); tab <- tab[ni >= 2, , drop = FALSE]; ni <- ni[ni >= 2]
  Pi <- rowSums(tab * (tab - 1)) / (ni * (ni - 1))
  pj <- colSums(tab) / sum(ni)
  Pbar <- mean(Pi); Pe <- sum(pj^2)
  kappa <- (Pbar - Pe) / (1 - Pe)
  put(paste0(phase, ".fleiss.kappa"), kappa)
  for (j in seq_along(labels)) {
    qj <- 1 - pj[j]
    kj <- if (pj[j] * qj > 0) 1 - sum(tab[, j] * (ni - tab[, j]) / (ni - 1)) / (sum(ni) * pj[j] * qj) else NaN
    put(paste0(phase, ".fleiss.", labels[j], ".kappa"), kj)
  }
  if (length(unique(ni)) == 1) {
    n <- ni[1]; N <- nrow(tab); q <- 1 - pj
    se <- sqrt(2) / (sum(pj * q) * sqrt(N * n * (n - 1))) * sqrt(sum(pj * q)^2 - sum(pj * q * (q - pj)))
    put(paste0(phase, ".fleiss.se"), se)
    put(paste0(phase, ".fleiss.z"), kappa / se)
    put(paste0(phase, ".fleiss.category_se"), sqrt(2 / (N * n * (n - 1))))
  }
  ## pairwise Cohen kappa, a few pairs, over shared cases
  for (pair in list(c("R01", "R02"), c("R03", "R09"), c("R05", "R10"))) {
    xa <- sub[sub$reader_id == pair[1], ]; xb <- sub[sub$reader_id == pair[2], ]
    sh <- intersect(xa$case_id, xb$case_id)
    a <- xa$label[match(sh, xa$case_id)]; b <- xb$label[match(sh, xb$case_id)]
    po <- mean(a == b); pe <- sum(sapply(labels, function(k) mean(a == k) * mean(b == k)))
    put(paste(phase, "pair", pair[1], pair[2], "cases", sep = "."), length(sh))
    put(paste(phase, "pair", pair[1], pair[2], "kappa", sep = "."), (po - pe) / (1 - pe))
  }
  ## readers against the AI: McNemar (R's default, continuity-corrected) and exact binomial
  acc_d <- c(); sens_d <- list()
  for (r in reader_id) {
    x <- sub[sub$reader_id == r, ]
    idx <- match(x$case_id, ai$case_id)
    t <- truth[idx]; ra <- x$label == t; aa <- ai_label[idx] == t
    b <- sum(ra & !aa); cc <- sum(!ra & aa)
    key <- paste(phase, "mcnemar", r, sep = ".")
    put(paste0(key, ".b"), b); put(paste0(key, ".c"), cc)
    m <- suppressWarnings(mcnemar.test(matrix(c(sum(ra & aa), cc, b, sum(!ra & !aa)), 2)))
    put(paste0(key, ".statistic"), unname(m$statistic)); put(paste0(key, ".p"), m$p.value)
    put(paste0(key, ".exact_p"), if (b + cc > 0) binom.test(b, b + cc)$p.value else 1)
    acc_d <- c(acc_d, (sum(ra) - sum(aa)) / length(t))
    for (k in real) {
      pos <- t == k
      sens_d[[k]] <- c(sens_d[[k]], (sum(x$label[pos] == k) - sum(ai_label[idx][pos] == k)) / sum(pos))
    }
  }
  w <- suppressWarnings(wilcox.test(acc_d))
  put(paste0(phase, ".wilcoxon.accuracy.V"), unname(w$statistic)); put(paste0(phase, ".wilcoxon.accuracy.p"), w$p.value)
  put(paste0(phase, ".wilcoxon.accuracy.exact"), as.numeric(grepl("exact", w$method)))
  for (k in real) {
    w <- suppressWarnings(wilcox.test(sens_d[[k]]))
    put(paste0(phase, ".wilcoxon.", k, ".sensitivity.V"), unname(w$statistic))
    put(paste0(phase, ".wilcoxon.", k, ".sensitivity.p"), w$p.value)
  }
  ## AI sensitivity at the readers' mean specificity (pROC coords), readers beaten at their own specificity
  for (k in real) {
    rocK <- roc(truth == k, P[, paste0("p_", k)], levels = c(FALSE, TRUE), direction = "<", quiet = TRUE)
    sens <- sapply(reader_id, function(r) expected[[paste(phase, "reader", r, k, "sensitivity", sep = ".")]])
    spec <- sapply(reader_id, function(r) expected[[paste(phase, "reader", r, k, "specificity", sep = ".")]])
    ms <- mean(spec); mse <- mean(sens)
    put(paste(phase, "op", k, "ai_sens_at_mean_spec", sep = "."),
        coords(rocK, x = ms, input = "specificity", ret = "sensitivity", transpose = FALSE)[1, 1])
    put(paste(phase, "op", k, "ai_spec_at_mean_sens", sep = "."),
        coords(rocK, x = mse, input = "sensitivity", ret = "specificity", transpose = FALSE)[1, 1])
    at <- sapply(spec, function(s) coords(rocK, x = s, input = "specificity", ret = "sensitivity",
                                          transpose = FALSE)[1, 1])
    put(paste(phase, "op", k, "beaten", sep = "."), sum(at > sens))
  }
  ## paired DeLong: AI probability against a reader's ordinal rating (chose k: 5 + conf, else 6 - conf; NA conf = 5)
  for (r in c("R01", "R07")) for (k in c("MN", "SK")) {
    x <- sub[sub$reader_id == r, ]
    idx <- match(x$case_id, ai$case_id)
    conf <- ifelse(is.na(x$confidence), 5, x$confidence)
    rating <- ifelse(x$label == k, 5 + conf, 6 - conf)
    y <- truth[idx] == k
    r1 <- roc(y, P[idx, paste0("p_", k)], levels = c(FALSE, TRUE), direction = "<", quiet = TRUE)
    r2 <- roc(y, rating, levels = c(FALSE, TRUE), direction = "<", quiet = TRUE)
    tt <- roc.test(r1, r2, method = "delong", paired = TRUE)
    key <- paste(phase, "delong", r, k, sep = ".")
    put(paste0(key, ".auc_ai"), as.numeric(r1$auc)); put(paste0(key, ".auc_reader"), as.numeric(r2$auc))
    put(paste0(key, ".z"), unname(tt$statistic)); put(paste0(key, ".p"), tt$p.value)
    put(paste0(key, ".lower"), tt$conf.int[1]); put(paste0(key, ".upper"), tt$conf.int[2])
  }
}

## ---------------------------------------------------------------- the AI alone (pROC)
put("ai.top1_accuracy", mean(ai_label == truth))
aucs <- c()
for (k in real) {
  rocK <- roc(truth == k, P[, paste0("p_", k)], levels = c(FALSE, TRUE), direction = "<", quiet = TRUE)
  ci <- ci.auc(rocK, method = "delong")
  put(paste0("ai.", k, ".auc"), as.numeric(rocK$auc))
  put(paste0("ai.", k, ".lower"), ci[1]); put(paste0("ai.", k, ".upper"), ci[3])
  put(paste0("ai.", k, ".se"), sqrt(var(rocK, method = "delong")))
  put(paste0("ai.", k, ".points"), length(rocK$thresholds))
  best <- coords(rocK, "best", best.method = "youden", ret = c("sensitivity", "specificity"), transpose = FALSE)
  put(paste0("ai.", k, ".youden_sensitivity"), best[1, 1]); put(paste0("ai.", k, ".youden_specificity"), best[1, 2])
  aucs <- c(aucs, as.numeric(rocK$auc))
}
put("ai.macro_auc", mean(aucs))
flat_y <- as.vector(t(sapply(labels, function(k) truth == k)))
flat_s <- as.vector(t(P))
put("ai.micro_auc", as.numeric(roc(flat_y, flat_s, levels = c(FALSE, TRUE), direction = "<", quiet = TRUE)$auc))

## ---------------------------------------------------------------- OR-Hillis, written from the equations
## theta: t x r matrix; S: (t*r) x (t*r) covariance, unit (i, j) at index (i - 1) * r + j.
or_hillis <- function(theta, S, level = 0.95) {
  t <- nrow(theta); r <- ncol(theta); u <- function(i, j) (i - 1) * r + j
  Var <- mean(sapply(1:t, function(i) sapply(1:r, function(j) S[u(i, j), u(i, j)])))
  c1 <- c(); c2 <- c(); c3 <- c()
  for (i in 1:t) for (j in 1:r) for (i2 in 1:t) for (j2 in 1:r) {
    if (i == i2 && j == j2) next
    v <- S[u(i, j), u(i2, j2)]
    if (i != i2 && j == j2) c1 <- c(c1, v)
    if (i == i2 && j != j2) c2 <- c(c2, v)
    if (i != i2 && j != j2) c3 <- c(c3, v)
  }
  Cov1 <- mean(c1); Cov2 <- mean(c2); Cov3 <- mean(c3)
  mi <- rowMeans(theta); mj <- colMeans(theta); m <- mean(theta)
  MST <- r * sum((mi - m)^2) / (t - 1)
  MSR <- t * sum((mj - m)^2) / (r - 1)
  MSTR <- sum((theta - outer(mi, rep(1, r)) - outer(rep(1, t), mj) + m)^2) / ((t - 1) * (r - 1))
  den <- MSTR + r * max(Cov2 - Cov3, 0)
  Fh <- MST / den
  ddf <- den^2 / (MSTR^2 / ((t - 1) * (r - 1)))
  d <- mi[1] - mi[2]
  se <- sqrt(2 / r * den)
  q <- qt(1 - (1 - level) / 2, ddf)
  single <- lapply(1:t, function(i) {
    msr <- sum((theta[i, ] - mi[i])^2) / (r - 1)
    cov2i <- mean(unlist(lapply(1:r, function(j) sapply(setdiff(1:r, j), function(j2) S[u(i, j), u(i, j2)]))))
    vari <- mean(sapply(1:r, function(j) S[u(i, j), u(i, j)]))
    term <- msr + r * max(cov2i, 0)
    df <- term^2 / (msr^2 / (r - 1))
    list(se = sqrt(term / r), df = df, lower = mi[i] - qt(0.975, df) * sqrt(term / r),
         fixed_se = sqrt((vari + (r - 1) * max(cov2i, 0)) / r), rrfc_se = sqrt(msr / r))
  })
  fden <- Var - Cov1 + (r - 1) * max(Cov2 - Cov3, 0)
  X2 <- (t - 1) * MST / fden
  list(Var = Var, Cov1 = Cov1, Cov2 = Cov2, Cov3 = Cov3, MST = MST, MSR = MSR, MSTR = MSTR,
       theta1 = mi[1], theta2 = mi[2],
       rrrc = c(F = Fh, ddf = ddf, p = 1 - pf(Fh, t - 1, ddf), diff = d, se = se, lower = d - q * se,
                upper = d + q * se),
       frrc = c(X2 = X2, p = 1 - pchisq(X2, t - 1), se = sqrt(2 / r * fden),
                lower = d - qnorm(0.975) * sqrt(2 / r * fden), upper = d + qnorm(0.975) * sqrt(2 / r * fden)),
       rrfc = c(F = MST / MSTR, p = 1 - pf(MST / MSTR, t - 1, (t - 1) * (r - 1)), se = sqrt(2 / r * MSTR),
                lower = d - qt(0.975, (t - 1) * (r - 1)) * sqrt(2 / r * MSTR)),
       single = single)
}
put_or <- function(prefix, o) {
  for (nm in c("Var", "Cov1", "Cov2", "Cov3", "MST", "MSR", "MSTR", "theta1", "theta2")) put(paste0(prefix, ".", nm), unname(o[[nm]]))
  for (a in c("rrrc", "frrc", "rrfc")) for (nm in names(o[[a]])) put(paste0(prefix, ".", a, ".", nm), unname(o[[a]][[nm]]))
  for (i in seq_along(o$single)) for (nm in names(o$single[[i]])) put(paste0(prefix, ".single", i, ".", nm), unname(o$single[[i]][[nm]]))
}
## Jackknife covariance by brute force: leave each case out, recompute every figure (Hillis et al. 2005), over the
## cases the figure is computed from (all for AUC / accuracy, positives for sensitivity, negatives for specificity,
## as MRMCaov does).
jackknife_cov <- function(fom, units, cases) {
  loo <- sapply(cases, function(k) sapply(units, function(u) fom(u, k)))   # units x cases
  centred <- loo - rowMeans(loo)
  n <- length(cases)
  (n - 1) / n * centred %*% t(centred)
}
write_imrmc <- function(file, truth01, scores) {   # scores[mod, reader, case], NA = not read
  con <- file(file, "w")
  writeLines(c("Simulated MRMC data for DermRead tests", paste0("NR: ", dim(scores)[2]),
               paste0("N0: ", sum(truth01 == 0)), paste0("N1: ", sum(truth01 == 1)),
               paste0("NM: ", dim(scores)[1]), "", "BEGIN DATA:"), con)
  for (c in seq_along(truth01)) writeLines(sprintf("-1,case%03d,0,%d", c, truth01[c]), con)
  for (i in 1:dim(scores)[1]) for (j in 1:dim(scores)[2]) for (c in seq_along(truth01))
    if (!is.na(scores[i, j, c])) writeLines(sprintf("reader%d,case%03d,mod%s,%s", j, c, c("A", "B", "C")[i],
                                                    format(scores[i, j, c], digits = 15)), con)
  close(con)
}
auc_of <- function(y, s) as.numeric(roc(y, s, levels = c(0, 1), direction = "<", quiet = TRUE)$auc)

## complete design: 6 readers, 2 modalities, 90 cases; modality A ordinal 1-5, modality B continuous
set.seed(7)
nc <- 90; y <- rep(0:1, c(54, 36)); nr <- 6
latent <- outer(rep(1, nr), y * 1.3) + matrix(rnorm(nr * nc, sd = 0.8), nr) + outer(rep(1, nr), rnorm(nc, sd = 0.6))
S <- array(NA, c(2, nr, nc))
S[1, , ] <- pmin(5, pmax(1, round(latent + 2.5)))
S[2, , ] <- round(latent + outer(rep(1, nr), y * 0.4) + matrix(rnorm(nr * nc, sd = 0.5), nr), 3)
write_imrmc("mrmc-complete.imrmc", y, S)
theta <- t(sapply(1:2, function(i) sapply(1:nr, function(j) auc_of(y, S[i, j, ]))))
rocs <- lapply(1:(2 * nr), function(u) { i <- (u - 1) %/% nr + 1; j <- (u - 1) %% nr + 1
  roc(y, S[i, j, ], levels = c(0, 1), direction = "<", quiet = TRUE) })
Sd <- matrix(0, 2 * nr, 2 * nr)
for (a in 1:(2 * nr)) for (b in 1:(2 * nr))
  Sd[a, b] <- if (a == b) var(rocs[[a]], method = "delong") else cov(rocs[[a]], rocs[[b]], method = "delong")
put_or("complete.delong", or_hillis(theta, Sd))
unit_auc <- function(Sarr, yy) function(u, k) { i <- (u - 1) %/% nr + 1; j <- (u - 1) %% nr + 1
  keep <- setdiff(which(!is.na(Sarr[i, j, ])), k); auc_of(yy[keep], Sarr[i, j, keep]) }
Sj <- jackknife_cov(unit_auc(S, y), 1:(2 * nr), 1:nc)
complete_jk <- or_hillis(theta, Sj)
put_or("complete.jackknife", complete_jk)
for (j in 1:nr) put(sprintf("complete.reader%d.modA.auc", j), theta[1, j])

## sensitivity / specificity of a binary call (modality A: rating >= 3; modality B: score >= 1) on the complete
## design; DeLong covariance of two proportions over the same m cases = cov(x_a, x_b) / m (divisor m - 1)
Bc <- S; Bc[1, , ] <- (S[1, , ] >= 3) * 1; Bc[2, , ] <- (S[2, , ] >= 1) * 1
for (what in c("sens", "spec")) {
  use <- if (what == "sens") y == 1 else y == 0
  X <- if (what == "sens") Bc else 1 - Bc
  th <- t(sapply(1:2, function(i) sapply(1:nr, function(j) mean(X[i, j, use]))))
  Sd <- matrix(0, 2 * nr, 2 * nr)
  for (a in 1:(2 * nr)) for (b in 1:(2 * nr)) {
    ia <- (a - 1) %/% nr + 1; ja <- (a - 1) %% nr + 1; ib <- (b - 1) %/% nr + 1; jb <- (b - 1) %% nr + 1
    Sd[a, b] <- cov(X[ia, ja, use], X[ib, jb, use]) / sum(use)
  }
  put_or(paste0("complete.", what, ".delong"), or_hillis(th, Sd))
  fom <- function(u, k) { i <- (u - 1) %/% nr + 1; j <- (u - 1) %% nr + 1
    keep <- setdiff(which(use), k); mean(X[i, j, keep]) }
  put_or(paste0("complete.", what, ".jackknife"), or_hillis(th, jackknife_cov(fom, 1:(2 * nr), which(use))))
}

## partial design: every reader skips ~20% of cases (jackknife defined for any design)
Sp <- S
for (i in 1:2) for (j in 1:nr) Sp[i, j, sample(nc, 18)] <- NA
write_imrmc("mrmc-partial.imrmc", y, Sp)
theta_p <- t(sapply(1:2, function(i) sapply(1:nr, function(j) { k <- !is.na(Sp[i, j, ]); auc_of(y[k], Sp[i, j, k]) })))
put_or("partial.jackknife", or_hillis(theta_p, jackknife_cov(unit_auc(Sp, y), 1:(2 * nr), 1:nc)))

## bundle MRMC (unaided vs aided): top-1 accuracy and MN sensitivity, jackknife by brute force
bundle_or <- list()
for (what in c("accuracy", "MN.sensitivity")) {
  X <- array(NA, c(2, n_readers, n_cases))
  for (i in 1:2) { sub <- rd[rd$phase == c("unaided", "aided")[i], ]
    for (j in 1:n_readers) { x <- sub[sub$reader_id == reader_id[j], ]; idx <- match(x$case_id, cases$case_id)
      X[i, j, idx] <- if (what == "accuracy") as.numeric(x$label == cases$truth[idx]) else as.numeric(x$label == "MN") } }
  use <- if (what == "accuracy") rep(TRUE, n_cases) else cases$truth == "MN"
  fom <- function(u, k) { i <- (u - 1) %/% n_readers + 1; j <- (u - 1) %% n_readers + 1
    keep <- setdiff(which(!is.na(X[i, j, ]) & use), k); mean(X[i, j, keep]) }
  th <- t(sapply(1:2, function(i) sapply(1:n_readers, function(j) fom((i - 1) * n_readers + j, 0))))
  bundle_or[[what]] <- or_hillis(th, jackknife_cov(fom, 1:(2 * n_readers), which(use)))
  put_or(paste0("bundle.", what, ".jackknife"), bundle_or[[what]])
}

## ---------------------------------------------------------------- a plain ROC table with three scores
set.seed(11)
n <- 120; yy <- rbinom(n, 1, 0.4)
s1 <- round(yy * 1.1 + rnorm(n), 2); s2 <- round(yy * 0.7 + rnorm(n), 1); s3 <- sample(1:5, n, TRUE) + yy
write.csv(data.frame(case = sprintf("k%03d", 1:n), truth = yy, model_a = s1, model_b = s2, reader = s3),
          "roc-table.csv", row.names = FALSE, quote = FALSE)
rs <- list(model_a = s1, model_b = s2, reader = s3)
rr <- lapply(rs, function(s) roc(yy, s, levels = c(0, 1), direction = "<", quiet = TRUE))
for (nm in names(rr)) {
  ci <- ci.auc(rr[[nm]], method = "delong")
  put(paste0("roc.", nm, ".auc"), as.numeric(rr[[nm]]$auc))
  put(paste0("roc.", nm, ".lower"), ci[1]); put(paste0("roc.", nm, ".upper"), ci[3])
  put(paste0("roc.", nm, ".points"), length(rr[[nm]]$thresholds))
  best <- coords(rr[[nm]], "best", best.method = "youden", ret = c("sensitivity", "specificity"), transpose = FALSE)
  put(paste0("roc.", nm, ".youden_sensitivity"), best[1, 1])
  put(paste0("roc.", nm, ".youden_specificity"), best[1, 2])
  for (s in c(0.5, 0.8, 0.9)) put(paste0("roc.", nm, ".sens_at_spec_", s),
    coords(rr[[nm]], x = s, input = "specificity", ret = "sensitivity", transpose = FALSE)[1, 1])
}
for (pr in list(c("model_a", "model_b"), c("model_a", "reader"), c("model_b", "reader"))) {
  tt <- roc.test(rr[[pr[1]]], rr[[pr[2]]], method = "delong", paired = TRUE)
  key <- paste("roc", pr[1], pr[2], sep = ".")
  put(paste0(key, ".z"), unname(tt$statistic)); put(paste0(key, ".p"), tt$p.value)
  put(paste0(key, ".lower"), tt$conf.int[1]); put(paste0(key, ".upper"), tt$conf.int[2])
}

## ---------------------------------------------------------------- pROC's published aSAH example (Turck et al. 2010)
data(aSAH, package = "pROC")
asah <- data.frame(case = sprintf("p%03d", seq_len(nrow(aSAH))), truth = as.integer(aSAH$outcome == "Poor"),
                   s100b = aSAH$s100b, ndka = aSAH$ndka, wfns = as.integer(aSAH$wfns))
write.csv(asah, "asah.csv", row.names = FALSE, quote = FALSE)
ra <- lapply(c("s100b", "ndka", "wfns"), function(v) roc(asah$truth, asah[[v]], levels = c(0, 1), direction = "<",
                                                        quiet = TRUE))
names(ra) <- c("s100b", "ndka", "wfns")
for (nm in names(ra)) {
  ci <- ci.auc(ra[[nm]], method = "delong")
  put(paste0("asah.", nm, ".auc"), as.numeric(ra[[nm]]$auc))
  put(paste0("asah.", nm, ".lower"), ci[1]); put(paste0("asah.", nm, ".upper"), ci[3])
}
tt <- roc.test(ra$s100b, ra$ndka, method = "delong", paired = TRUE)
put("asah.s100b.ndka.z", unname(tt$statistic)); put("asah.s100b.ndka.p", tt$p.value)
put("asah.s100b.ndka.lower", tt$conf.int[1]); put("asah.s100b.ndka.upper", tt$conf.int[2])

## ---------------------------------------------------------------- Wilcoxon and McNemar edge cases (base R)
w <- wilcox.test(c(0.1, -0.2, 0.3, 0.4, -0.05, 0.6, 0.7))                      # exact
put("wilcoxon.exact.V", unname(w$statistic)); put("wilcoxon.exact.p", w$p.value)
w <- suppressWarnings(wilcox.test(c(0.1, -0.1, 0.2, 0.2, 0, 0.3, -0.4, 0.5)))  # ties and a zero: normal approx
put("wilcoxon.ties.V", unname(w$statistic)); put("wilcoxon.ties.p", w$p.value)
set.seed(3); d <- round(rnorm(60, 0.05, 0.1), 3)
write.csv(data.frame(d = d), "wilcoxon-large.csv", row.names = FALSE, quote = FALSE)
w <- suppressWarnings(wilcox.test(d)); put("wilcoxon.large.V", unname(w$statistic)); put("wilcoxon.large.p", w$p.value)
m <- mcnemar.test(matrix(c(30, 5, 12, 20), 2)); put("mcnemar.5_12.statistic", unname(m$statistic))
put("mcnemar.5_12.p", m$p.value); put("mcnemar.5_12.exact_p", binom.test(12, 17)$p.value)

## ---------------------------------------------------------------- U-statistics (iMRMC), written from the equations
## Gallas 2006; Gallas, Bandos, Samuelson & Wagner 2009: success matrices s (NA where unread), the four biased sums per
## pair of reader-modalities, B maps them to unbiased sums; moments M = unbiased numerator / unbiased denominator;
## coefficients = unbiased denominators / all-pairs denominator (the last minus 1). Brute force over reader pairs.
succ <- function(sc, yy) {                       # positives x negatives, NA where the reader skipped a case
  p <- sc[yy == 1]; q <- sc[yy == 0]
  (outer(p, q, ">") + 0.5 * outer(p, q, "==")) * 1
}
sums4 <- function(s1, s2) {
  d1 <- !is.na(s1) * 1; d2 <- !is.na(s2) * 1; s1[is.na(s1)] <- 0; s2[is.na(s2)] <- 0
  list(n = c(sum(s1 * s2), sum(rowSums(s1) * rowSums(s2)), sum(colSums(s1) * colSums(s2)), sum(s1) * sum(s2)),
       d = c(sum(d1 * d2), sum(rowSums(d1) * rowSums(d2)), sum(colSums(d1) * colSums(d2)), sum(d1) * sum(d2)))
}
B8 <- matrix(c(1,0,0,0,0,0,0,0, -1,1,0,0,0,0,0,0, -1,0,1,0,0,0,0,0, 1,-1,-1,1,0,0,0,0, -1,0,0,0,1,0,0,0,
               1,-1,0,0,-1,1,0,0, 1,0,-1,0,-1,0,1,0, -1,1,1,-1,1,-1,-1,1), 8, 8, byrow = TRUE)
pair_cov <- function(x) {                         # unbiased Cov of two AUCs from their four sums
  nu <- B8[1:4, 1:4] %*% x$n; du <- B8[1:4, 1:4] %*% x$d
  m <- ifelse(du != 0, nu / du, nu); co <- du / x$d[4]; co[4] <- co[4] - 1
  sum(co * m)
}
ustat <- function(Sarr, yy, a, b) {               # reader-averaged Cov(AUC_a, AUC_b), readers and cases random
  r <- dim(Sarr)[2]; n <- rep(0, 8); d <- rep(0, 8)
  for (j1 in 1:r) for (j2 in 1:r) {
    x <- sums4(succ(Sarr[a, j1, ], yy), succ(Sarr[b, j2, ], yy))
    if (j1 == j2) { n[1:4] <- n[1:4] + x$n; d[1:4] <- d[1:4] + x$d }
    n[5:8] <- n[5:8] + x$n; d[5:8] <- d[5:8] + x$d
  }
  nu <- B8 %*% n; du <- B8 %*% d
  m <- ifelse(du != 0, nu / du, nu); mb <- ifelse(d != 0, n / d, n); co <- du / d[8]; co[8] <- co[8] - 1
  auc <- sum(sapply(1:r, function(j) sum(succ(Sarr[a, j, ], yy), na.rm = TRUE))) /
         sum(sapply(1:r, function(j) sum(!is.na(succ(Sarr[a, j, ], yy)))))
  list(auc = auc, cov = sum(co * m), cov_biased = sum(co * mb), m = c(m))
}
for (design in c("complete", "partial")) {
  Sarr <- if (design == "complete") S else Sp
  ua <- ustat(Sarr, y, 1, 1); ub <- ustat(Sarr, y, 2, 2); uab <- ustat(Sarr, y, 1, 2)
  key <- paste0(design, ".ustat")
  put(paste0(key, ".A.auc"), ua$auc); put(paste0(key, ".A.var"), ua$cov); put(paste0(key, ".A.var_biased"), ua$cov_biased)
  put(paste0(key, ".B.auc"), ub$auc); put(paste0(key, ".B.var"), ub$cov)
  put(paste0(key, ".diff.var"), ua$cov + ub$cov - 2 * uab$cov)
  put(paste0(key, ".diff.var_biased"), ua$cov_biased + ub$cov_biased - 2 * uab$cov_biased)
  for (s in 1:8) put(paste0(key, ".AB.M", s), uab$m[s])
  for (j in 1:nr) {
    put(sprintf("%s.reader%d.A.var", key, j), pair_cov(sums4(succ(Sarr[1, j, ], y), succ(Sarr[1, j, ], y))))
    put(sprintf("%s.reader%d.diff.var", key, j),
        pair_cov(sums4(succ(Sarr[1, j, ], y), succ(Sarr[1, j, ], y))) +
        pair_cov(sums4(succ(Sarr[2, j, ], y), succ(Sarr[2, j, ], y))) -
        2 * pair_cov(sums4(succ(Sarr[1, j, ], y), succ(Sarr[2, j, ], y))))
  }
}
## OR-Hillis with unbiased covariances: every pairwise U-statistic covariance into or_hillis() (complete design)
Su <- matrix(0, 2 * nr, 2 * nr)
for (a in 1:(2 * nr)) for (b in 1:(2 * nr)) {
  ia <- (a - 1) %/% nr + 1; ja <- (a - 1) %% nr + 1; ib <- (b - 1) %/% nr + 1; jb <- (b - 1) %% nr + 1
  Su[a, b] <- pair_cov(sums4(succ(S[ia, ja, ], y), succ(S[ib, jb, ], y)))
}
put_or("complete.unbiased", or_hillis(theta, Su))
if (requireNamespace("iMRMC", quietly = TRUE)) {      # optional cross-check against the FDA's own R code
  df <- rbind(data.frame(readerID = "truth", caseID = sprintf("case%03d", seq_along(y)), modalityID = "truth",
                         score = y),
              do.call(rbind, lapply(1:2, function(i) do.call(rbind, lapply(1:nr, function(j)
                data.frame(readerID = paste0("reader", j), caseID = sprintf("case%03d", seq_along(y)),
                           modalityID = c("modA", "modB")[i], score = S[i, j, ]))))))
  im <- iMRMC::doIMRMC(df)$Ustat
  cat("iMRMC package cross-check, largest difference in varAUC:",
      max(abs(im$varAUCA[1:2] - c(expected[["complete.ustat.A.var"]], expected[["complete.ustat.B.var"]]))), "\n")
}

## ---------------------------------------------------------------- ROC as pROC 1.18 offers it (roc-table.csv)
for (nm in names(rr)) {
  for (method in c("youden", "closest.topleft")) {
    b <- coords(rr[[nm]], "best", best.method = method, transpose = FALSE,
                ret = c("sensitivity", "specificity", "accuracy", "tp", "fp", "tn", "fn"))
    key <- paste("roc", nm, gsub("[.]", "_", method), sep = ".")
    for (col in colnames(b)) put(paste(key, col, sep = "."), b[1, col])
    put(paste0(key, ".ties"), nrow(b))                 # pROC returns every tied optimum as a row
  }
  for (s in c(0.5, 0.8, 0.9)) put(paste0("roc.", nm, ".spec_at_sens_", s),
    coords(rr[[nm]], x = s, input = "sensitivity", ret = "specificity", transpose = FALSE)[1, 1])
  set.seed(123)
  ci <- ci.auc(rr[[nm]], method = "bootstrap", boot.n = 20000, boot.stratified = TRUE, progress = "none")
  put(paste0("roc.", nm, ".boot_lower"), ci[1]); put(paste0("roc.", nm, ".boot_upper"), ci[3])
}
for (pr in list(c("model_a", "model_b"), c("model_a", "reader"), c("model_b", "reader")))
  put(paste("roc", pr[1], pr[2], "cov", sep = "."), cov(rr[[pr[1]]], rr[[pr[2]]], method = "delong"))
## a vertical run of points at specificity 0.8 (sensitivity 1, 0.9, 0.8): coords at exactly 0.8 gives the top of it
vy <- c(rep(1, 10), rep(0, 10)); vs <- c(8.2, 8.4, rep(9.5, 4), rep(10.5, 4), 1:10)
vr <- roc(vy, vs, levels = c(0, 1), direction = "<", quiet = TRUE)
put("vertical.sens_at_spec_0.8", coords(vr, x = 0.8, input = "specificity", ret = "sensitivity", transpose = FALSE)[1, 1])
put("vertical.spec_at_sens_0.8", coords(vr, x = 0.8, input = "sensitivity", ret = "specificity", transpose = FALSE)[1, 1])
## tied optima: positives 2, 4, negatives 1, 3 give two points with J = 0.5 and two at distance 0.5 from the corner
tr <- roc(c(1, 1, 0, 0), c(2, 4, 1, 3), levels = c(0, 1), direction = "<", quiet = TRUE)
put("tied.youden.ties", nrow(coords(tr, "best", best.method = "youden", transpose = FALSE)))
put("tied.closest_topleft.ties", nrow(coords(tr, "best", best.method = "closest.topleft", transpose = FALSE)))

## ---------------------------------------------------------------- reader-study figures (textbook formulas)
for (phase in c("unaided", "aided")) {
  sub <- rd[rd$phase == phase, ]
  mspec <- c(); macc <- c()
  for (r in reader_id) {
    x <- sub[sub$reader_id == r, ]; t <- cases$truth[match(x$case_id, cases$case_id)]; a <- x$label
    key <- paste(phase, "reader", r, sep = ".")
    acc_k <- sapply(labels, function(k) mean((a == k) == (t == k)))
    for (k in labels) put(paste(key, k, "ovr_accuracy", sep = "."), acc_k[[k]])
    spec_k <- sapply(labels, function(k) if (any(t != k)) mean(a[t != k] != k) else NaN)
    put(paste0(key, ".macro_specificity"), mean(spec_k[!is.nan(spec_k)])); put(paste0(key, ".macro_accuracy"), mean(acc_k))
    mspec <- c(mspec, mean(spec_k[!is.nan(spec_k)])); macc <- c(macc, mean(acc_k))
  }
  put(paste(phase, "panel.macro_specificity.mean", sep = "."), mean(mspec))
  put(paste(phase, "panel.macro_accuracy.median", sep = "."), median(macc))
}
po <- mean(ai_label == truth); pe <- sum(sapply(labels, function(k) mean(truth == k) * mean(ai_label == k)))
put("ai.kappa", (po - pe) / (1 - pe))
ai_spec <- sapply(labels, function(k) mean(ai_label[truth != k] != k))
put("ai.macro_specificity", mean(ai_spec)); put("ai.macro_accuracy", mean(sapply(labels, function(k) mean((ai_label == k) == (truth == k)))))
prev <- sapply(real, function(k) sum(truth == k))
put("ai.weighted_macro_auc", sum(prev * aucs) / sum(prev))
for (k in labels) put(paste0("ai.", k, ".distinct_scores"), length(unique(P[, paste0("p_", k)])))
put("ai.argmax_ties", sum(apply(P, 1, function(p) sum(p == max(p)) > 1)))
## the same study grouped: MN and BCC into "groupA", SK, Pso and DF into "groupB"
inA <- function(l) l %in% c("MN", "BCC")
for (phase in c("unaided", "aided")) {
  sub <- rd[rd$phase == phase, ]
  for (r in reader_id) {
    x <- sub[sub$reader_id == r, ]; t <- inA(cases$truth[match(x$case_id, cases$case_id)]); a <- inA(x$label)
    key <- paste("grouped", phase, "reader", r, sep = ".")
    put(paste0(key, ".sensitivity"), mean(a[t])); put(paste0(key, ".specificity"), mean(!a[!t]))
    put(paste0(key, ".accuracy"), mean(a == t))
  }
}
gscore <- P[, "p_MN"] + P[, "p_BCC"]
gr <- roc(inA(truth), gscore, levels = c(FALSE, TRUE), direction = "<", quiet = TRUE)
put("grouped.ai.auc", as.numeric(gr$auc)); put("grouped.ai.auc_lower", ci.auc(gr, method = "delong")[1])
gB <- P[, "p_SK"] + P[, "p_Pso"] + P[, "p_DF"]             # the AI's top-1 group: the higher group score
put("grouped.ai.top1_accuracy", mean((gscore >= gB) == inA(truth)))

## ---------------------------------------------------------------- study sizing (Hillis, Obuchowski & Berbaum 2011)
## Pilot: the OR variance components OR-DBM MRMC 2.51 printed for the Van Dyke data (jackknife; 114 cases). Power of
## the OR/Hillis test for J readers and K cases, with R's noncentral F (as RJafroc's SsPowerGivenJKOrVarComp).
pilot <- list(K = 114, varTR = 0.00020040, var = 0.00080229, cov1 = 0.00034661, cov2 = 0.00034407, cov3 = 0.00023903)
power_or <- function(J, K, d, alpha = 0.05) {
  s <- pilot$K / K; c23 <- max(pilot$cov2 - pilot$cov3, 0); tr <- max(pilot$varTR, 0)
  den <- tr + s * (pilot$var - pilot$cov1 + (J - 1) * c23)
  ddf <- den^2 / ((tr + s * (pilot$var - pilot$cov1 - c23))^2 / (J - 1))
  ncp <- J * d^2 / (2 * den)
  list(power = pf(qf(1 - alpha, 1, ddf), 1, ddf, ncp = ncp, lower.tail = FALSE), ddf = ddf, ncp = ncp,
       width = 2 * qt(1 - alpha / 2, ddf) * sqrt(2 * den / J))
}
for (jk in list(c(5, 100), c(6, 251), c(10, 163), c(4, 1000))) {
  p <- power_or(jk[1], jk[2], 0.05)
  key <- sprintf("sizing.J%d.K%d", jk[1], jk[2])
  put(paste0(key, ".power"), p$power); put(paste0(key, ".ddf"), p$ddf); put(paste0(key, ".ncp"), p$ncp)
  put(paste0(key, ".width"), p$width)
}
for (J in 4:10) {                                   # fewest cases for 80% power at d = 0.05, searched one by one
  K <- 2; while (K <= 5000 && power_or(J, K, 0.05)$power < 0.8) K <- K + 1
  put(sprintf("sizing.power80.J%d.K", J), if (K > 5000) -1 else K)
}

## Sizing from the reference bundle as the pilot (the size command on a bundle): MN sensitivity, jackknife, the OR
## components computed above by brute force; c* = all 150 cases (the pivotal study keeps the pilot's mix of classes).
b <- bundle_or[["MN.sensitivity"]]
bundle_pilot <- list(K = n_cases, varTR = b$MSTR - b$Var + b$Cov1 + b$Cov2 - b$Cov3, var = b$Var, cov1 = b$Cov1,
                     cov2 = b$Cov2, cov3 = b$Cov3)
power_pilot <- function(p, J, K, d, alpha = 0.05) {
  s <- p$K / K; c23 <- max(p$cov2 - p$cov3, 0); tr <- max(p$varTR, 0)
  den <- tr + s * (p$var - p$cov1 + (J - 1) * c23)
  ddf <- den^2 / ((tr + s * (p$var - p$cov1 - c23))^2 / (J - 1))
  pf(qf(1 - alpha, 1, ddf), 1, ddf, ncp = J * d^2 / (2 * den), lower.tail = FALSE)
}
put("sizing.bundle.varTR", bundle_pilot$varTR)
for (J in c(5, 10)) {
  put(sprintf("sizing.bundle.J%d.K150.power", J), power_pilot(bundle_pilot, J, 150, 0.05))
  K <- 2; while (K <= 5000 && power_pilot(bundle_pilot, J, K, 0.05) < 0.8) K <- K + 1
  put(sprintf("sizing.bundle.power80.J%d.K", J), if (K > 5000) -1 else K)
}

## ---------------------------------------------------------------- what only the CLI's options reach (issue 15)
## roc --level 0.90 --bootstrap 2000 --sens-at-spec 0.8,0.9,0.95 --spec-at-sens 0.8,0.9 on pROC's aSAH example
for (nm in names(ra)) {
  key <- paste0("cli.asah.", nm, ".")
  ci <- ci.auc(ra[[nm]], method = "delong", conf.level = 0.9)
  put(paste0(key, "lower90"), ci[1]); put(paste0(key, "upper90"), ci[3])
  for (m in c("youden", "closest.topleft")) {
    b <- coords(ra[[nm]], "best", best.method = m, transpose = FALSE,
                ret = c("sensitivity", "specificity", "accuracy", "tp", "fp", "tn", "fn"))
    k2 <- paste0(key, sub(".", "_", m, fixed = TRUE), ".")
    put(paste0(k2, "ties"), nrow(b))
    for (r in c("sensitivity", "specificity", "accuracy", "tp", "fp", "tn", "fn")) put(paste0(k2, r), b[1, r])
  }
  all <- coords(ra[[nm]], "all", ret = c("threshold", "sensitivity", "specificity"), transpose = FALSE)
  for (x in c(0.8, 0.9, 0.95)) {
    put(paste0(key, "sens_at_spec_", x), coords(ra[[nm]], x = x, input = "specificity", ret = "sensitivity",
                                                transpose = FALSE)[1, 1])
    ok <- all[all$specificity >= x, ]                 # the conservative reading: best sensitivity at spec >= x
    put(paste0(key, "conservative_sens_at_spec_", x), max(ok$sensitivity))
  }
  for (x in c(0.8, 0.9)) {
    put(paste0(key, "spec_at_sens_", x), coords(ra[[nm]], x = x, input = "sensitivity", ret = "specificity",
                                                transpose = FALSE)[1, 1])
    ok <- all[all$sensitivity >= x, ]
    put(paste0(key, "conservative_spec_at_sens_", x), max(ok$specificity))
  }
  set.seed(15)
  bci <- ci.auc(ra[[nm]], method = "bootstrap", boot.n = 2000, boot.stratified = TRUE, conf.level = 0.9,
                progress = "none")
  put(paste0(key, "boot_lower90"), bci[1]); put(paste0(key, "boot_upper90"), bci[3])
}
tt <- roc.test(ra$s100b, ra$ndka, method = "delong", paired = TRUE, conf.level = 0.9)
put("cli.asah.s100b.ndka.lower90", tt$conf.int[1]); put("cli.asah.s100b.ndka.upper90", tt$conf.int[2])
put("cli.asah.s100b.ndka.cov", cov(ra$s100b, ra$ndka, method = "delong"))
put("cli.asah.s100b.ndka.var_a", var(ra$s100b, method = "delong"))

## analyze --level 0.90 --sens-at-spec 0.9 on the reference bundle: the AI's DeLong CIs and coords per class
for (k in real) {
  rocK <- roc(truth == k, P[, paste0("p_", k)], levels = c(FALSE, TRUE), direction = "<", quiet = TRUE)
  ci <- ci.auc(rocK, method = "delong", conf.level = 0.9)
  put(paste0("cli.ai.", k, ".lower90"), ci[1]); put(paste0("cli.ai.", k, ".upper90"), ci[3])
  put(paste0("cli.ai.", k, ".sens_at_spec_0.9"), coords(rocK, x = 0.9, input = "specificity", ret = "sensitivity",
                                                         transpose = FALSE)[1, 1])
}

## size mrmc-complete.imrmc --covariance jackknife --effect 0.05: the pilot is the complete design's jackknife OR
imrmc_pilot <- list(K = nc, varTR = complete_jk$MSTR - complete_jk$Var + complete_jk$Cov1 + complete_jk$Cov2 -
                      complete_jk$Cov3, var = complete_jk$Var, cov1 = complete_jk$Cov1, cov2 = complete_jk$Cov2,
                    cov3 = complete_jk$Cov3)
for (J in c(4, 8)) {
  put(sprintf("sizing.imrmc.J%d.K200.power", J), power_pilot(imrmc_pilot, J, 200, 0.05))
  K <- 2; while (K <= 5000 && power_pilot(imrmc_pilot, J, K, 0.05) < 0.8) K <- K + 1
  put(sprintf("sizing.imrmc.power80.J%d.K", J), if (K > 5000) -1 else K)
}

out <- data.frame(key = names(expected), value = sapply(expected, function(v) format(v, digits = 17)))
write.csv(out, "expected.csv", row.names = FALSE, quote = FALSE)
cat("wrote", nrow(out), "expected values\n")
