//! The `attache` command line: the same engine as the Discord bot, from a terminal.

use crate::answer::{answer, Hints, Outcome, Reply};
use crate::engine::{Engine, Snapshot};
use crate::eval;
use crate::summary::{summary, Length};
use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// attache: answers questions about Secretary Blinken's visit to China, politely, in seven languages.
#[derive(Debug, Parser)]
#[command(name = "attache", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub dirs: Dirs,
    #[command(subcommand)]
    pub command: Command,
}

/// The configuration file's values, as `main` applied them (for `attache config`).
pub static CONFIG_FILE: std::sync::OnceLock<crate::config::FileValues> = std::sync::OnceLock::new();

/// Where the fact base and the locales are.
#[derive(Debug, Clone, Args)]
pub struct Dirs {
    /// The configuration file (default: ./attache.toml when it exists; env ATTACHE_CONFIG).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// The fact base directory (brief.md, *.toml, questions.tsv).
    #[arg(
        long,
        global = true,
        env = "ATTACHE_KNOWLEDGE",
        default_value = "knowledge"
    )]
    pub knowledge: PathBuf,
    /// The Fluent locales directory (one subdirectory per locale).
    #[arg(
        long,
        global = true,
        env = "ATTACHE_LOCALES",
        default_value = "locales"
    )]
    pub locales: PathBuf,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer a question (or, with none, every line of stdin).
    Ask {
        /// Answer in this locale instead of the question's language.
        #[arg(long)]
        lang: Option<String>,
        /// One JSON object per question, one per line.
        #[arg(long)]
        json: bool,
        /// Also print how the question was read: its terms, their weights and the best facts.
        #[arg(long)]
        explain: bool,
        /// The question; without it, questions are read from stdin, one per line.
        question: Vec<String>,
    },
    /// An interactive console on the same engine as Discord.
    Chat {
        /// Start answering in this locale.
        #[arg(long)]
        lang: Option<String>,
    },
    /// The visit in key points, or the full structured brief.
    Summary {
        /// The locale to write it in.
        #[arg(long, default_value = "en-US")]
        lang: String,
        /// short: 3-5 key points; full: who, when, where, why, context, outlook.
        #[arg(long, value_enum, default_value_t = Length::Short)]
        length: Length,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Validate the fact base and the locales, and run the regression set (knowledge/questions.tsv).
    Check,
    /// Print the effective configuration (defaults < attache.toml < environment), secrets masked.
    Config {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Exit 0 when a running `attache serve` is healthy (its gateway connected, or disconnected for
    /// less than --max-disconnected seconds), 1 otherwise. For container HEALTHCHECKs.
    Healthcheck {
        /// The status file `serve` writes.
        #[arg(long, env = "ATTACHE_STATUS_FILE", default_value = crate::health::DEFAULT_STATUS_FILE)]
        status_file: PathBuf,
        /// Seconds of disconnection tolerated.
        #[arg(long, default_value_t = crate::health::MAX_DISCONNECTED_SECS)]
        max_disconnected: u64,
    },
    /// Measure matching on an evaluation set (lang, expected, question).
    Eval(EvalArgs),
    /// List the loaded facts.
    Facts {
        /// Print the whole fact base as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Run the Discord bot (token from DISCORD_TOKEN or DISCORD_TOKEN_FILE).
    Serve(crate::discord::ServeArgs),
    /// The slash commands the bot registers, in every locale.
    Commands {
        /// Print the exact JSON array sent to `PUT /applications/{id}/commands`.
        #[arg(long)]
        json: bool,
    },
    /// The questions the bot declined or got 👎 on, near-duplicates grouped, most frequent first.
    Unanswered(crate::unanswered::UnansweredArgs),
    /// Write a synthetic fact base of N facts (for benchmarks), copying the locales from --locales.
    Synth(crate::synth::SynthArgs),
}

/// Options of `attache eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The evaluation file.
    pub file: PathBuf,
    /// Exit 1 when overall accuracy is below this (0 to 1).
    #[arg(long)]
    pub min_overall: Option<f64>,
    /// Exit 1 when accuracy on answerable questions is below this.
    #[arg(long)]
    pub min_answerable: Option<f64>,
    /// Exit 1 when the share of unanswerable questions declined is below this.
    #[arg(long)]
    pub min_unanswerable: Option<f64>,
    /// Exit 1 when any language's accuracy is below this.
    #[arg(long)]
    pub min_language: Option<f64>,
    /// Exit 1 when the share of answers in the question's language is below this.
    #[arg(long)]
    pub min_answer_language: Option<f64>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check => check(&cli.dirs),
        Command::Config { json } => {
            let file = CONFIG_FILE.get().cloned().unwrap_or_default();
            let lines = crate::config::effective(&file);
            if json {
                println!("{}", serde_json::to_string_pretty(&lines)?);
            } else {
                if let Some(p) = &file.path {
                    println!("# from {}", p.display());
                }
                for l in lines {
                    let value = l.value.unwrap_or_else(|| "(unset)".into());
                    println!(
                        "{:<20} = {:<30} # {:?}, env {}",
                        l.key, value, l.source, l.env
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Healthcheck {
            status_file,
            max_disconnected,
        } => match crate::health::check(&status_file, crate::health::now(), max_disconnected) {
            Ok(_) => {
                println!("healthy");
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("unhealthy: {e}");
                Ok(ExitCode::FAILURE)
            }
        },
        Command::Synth(args) => crate::synth::run(&args, &cli.dirs.locales),
        Command::Unanswered(args) => {
            crate::unanswered::run(&args, &cli.dirs.knowledge, &mut std::io::stdout().lock())
        }
        command => {
            // One-shot commands end the process right after: freeing the fact base, index and
            // locales (millions of small allocations on a large base) would only delay the exit
            // (~8% of an `attache ask` run on the real base). `serve` and `chat` take it back.
            let engine = std::mem::ManuallyDrop::new(load(&cli.dirs)?);
            let out = std::io::stdout();
            let mut out = out.lock();
            match command {
                Command::Ask {
                    lang,
                    json,
                    explain,
                    question,
                } => ask(&engine.snapshot(), lang, json, explain, question, &mut out),
                Command::Chat { lang } => {
                    // Edits to the fact files take effect while chatting; each reload reports one line
                    // on stderr.
                    let engine = std::sync::Arc::new(std::mem::ManuallyDrop::into_inner(engine));
                    let _watch = crate::reload::watch(engine.clone(), |event| eprintln!("{event}"))
                        .map_err(|e| eprintln!("warning: not watching for edits: {e}"))
                        .ok();
                    chat(&engine, lang, std::io::stdin().lock(), &mut out)
                }
                Command::Summary { lang, length, json } => {
                    let s = summary(&engine.snapshot(), &lang, length);
                    if json {
                        writeln!(out, "{}", serde_json::to_string_pretty(&s)?)?;
                    } else {
                        write!(out, "{s}")?;
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Command::Eval(args) => run_eval(&engine.snapshot(), &args, &mut out),
                Command::Facts { json } => facts(&engine.snapshot(), json, &mut out),
                Command::Serve(args) => {
                    drop(out);
                    crate::discord::serve(std::mem::ManuallyDrop::into_inner(engine), args)?;
                    Ok(ExitCode::SUCCESS)
                }
                Command::Commands { json } => {
                    crate::discord::commands::print(&engine.snapshot(), json, &mut out)?;
                    Ok(ExitCode::SUCCESS)
                }
                Command::Check
                | Command::Synth(_)
                | Command::Unanswered(_)
                | Command::Healthcheck { .. }
                | Command::Config { .. } => unreachable!("handled above"),
            }
        }
    }
}

/// Loads the fact base, turning validation problems into one readable error.
pub fn load(dirs: &Dirs) -> Result<Engine> {
    Engine::load(&dirs.knowledge, &dirs.locales).map_err(|e| {
        anyhow::anyhow!(
            "cannot load the fact base ({} and {}): {e}\nRun `attache check` for details.",
            dirs.knowledge.display(),
            dirs.locales.display()
        )
    })
}

#[derive(Serialize)]
struct AskJson<'a> {
    question: &'a str,
    fact: Option<&'a str>,
    score: f32,
    lang: &'a str,
    answer: &'a str,
    suggestions: Vec<&'a str>,
}

/// The JSON line of `attache ask --json` for a reply.
pub fn reply_json(r: &Reply) -> String {
    let j = AskJson {
        question: &r.question,
        fact: r.fact.as_deref(),
        score: (r.score * 1000.0).round() / 1000.0,
        lang: &r.locale,
        answer: &r.text,
        suggestions: r.suggestions.iter().map(|s| s.id.as_str()).collect(),
    };
    serde_json::to_string(&j).expect("a reply always serialises")
}

/// The plain-text form of a reply: the answer, then the brief's sentence it rests on.
pub fn reply_text(snapshot: &Snapshot, r: &Reply) -> String {
    let mut s = r.text.clone();
    if r.outcome == Outcome::Answer {
        for quote in &r.source {
            let label = snapshot.locales.render(&r.locale, "source-label", None);
            s.push_str(&format!("\n  {label}: “{quote}”"));
        }
    }
    s
}

fn ask(
    snapshot: &Snapshot,
    lang: Option<String>,
    json: bool,
    explain: bool,
    question: Vec<String>,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let hints = Hints {
        forced_locale: lang,
        ..Hints::default()
    };
    let one = |q: &str, out: &mut dyn Write| -> Result<()> {
        let r = answer(snapshot, q, &hints);
        if explain {
            let folded = crate::normalise::fold(crate::normalise::cap(q));
            write!(out, "{}", snapshot.index.explain(&folded, r.question_lang))?;
        }
        if json {
            writeln!(out, "{}", reply_json(&r))?;
        } else {
            writeln!(out, "{}", reply_text(snapshot, &r))?;
        }
        Ok(())
    };
    if question.is_empty() {
        let stdin = std::io::stdin();
        for line in stdin.lock().lines() {
            let line = line.context("reading questions from stdin")?;
            if line.trim().is_empty() {
                continue;
            }
            one(&line, out)?;
        }
    } else {
        one(&question.join(" "), out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The console: one question per line, plus `/summary`, `/lang`, `/facts`, `/help` and `/quit`.
pub fn chat(
    engine: &Engine,
    lang: Option<String>,
    input: impl BufRead,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let mut forced = lang;
    let ui = |forced: &Option<String>| forced.clone().unwrap_or_else(|| "en-US".into());
    {
        let snap = engine.snapshot();
        writeln!(
            out,
            "{}",
            snap.locales.render(&ui(&forced), "chat-welcome", None)
        )?;
    }
    for line in input.lines() {
        let line = line?;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let snap = engine.snapshot();
        let loc = &snap.locales;
        let mut words = line.split_whitespace();
        match words.next().unwrap_or("") {
            "/quit" | "/exit" => break,
            "/help" => writeln!(out, "{}", loc.render(&ui(&forced), "chat-help", None))?,
            "/summary" => {
                let length = match words.next() {
                    Some("full") => Length::Full,
                    _ => Length::Short,
                };
                write!(out, "{}", summary(&snap, &ui(&forced), length))?;
            }
            "/facts" => facts_list(&snap, &ui(&forced), out)?,
            "/lang" => match words.next() {
                None => {
                    forced = None;
                    writeln!(out, "{}", loc.render("en-US", "lang-reset", None))?;
                }
                Some(code) => {
                    let negotiated = loc.negotiate(code).to_string();
                    if code.parse::<crate::lang::Lang>().is_ok() || negotiated != "en-US" {
                        let name = loc.render(&negotiated, "language-name", None);
                        writeln!(
                            out,
                            "{}",
                            loc.render_with(&negotiated, "lang-set", &[("language", name)])
                        )?;
                        forced = Some(negotiated);
                    } else {
                        let available = loc.codes().join(", ");
                        writeln!(
                            out,
                            "{}",
                            loc.render_with(
                                &ui(&forced),
                                "lang-unknown",
                                &[("locale", code.to_string()), ("available", available)]
                            )
                        )?;
                    }
                }
            },
            _ => {
                let hints = Hints {
                    forced_locale: forced.clone(),
                    ..Hints::default()
                };
                let r = answer(&snap, line, &hints);
                writeln!(out, "{}", reply_text(&snap, &r))?;
            }
        }
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

fn facts_list(snap: &Snapshot, locale: &str, out: &mut impl Write) -> Result<()> {
    writeln!(out, "{}", snap.locales.render(locale, "facts-intro", None))?;
    for f in &snap.facts.facts {
        writeln!(
            out,
            "  {:<22} {}",
            f.id,
            snap.locales
                .render(locale, &format!("fact-{}-title", f.id), None)
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct FactJson<'a> {
    id: &'a str,
    source: &'a [String],
    questions: BTreeMap<&'a str, &'a Vec<String>>,
    keywords: &'a [String],
    related: &'a [String],
    answers: BTreeMap<&'a str, String>,
}

fn facts(snap: &Snapshot, json: bool, out: &mut impl Write) -> Result<ExitCode> {
    if !json {
        facts_list(snap, "en-US", out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let list: Vec<FactJson> = snap
        .facts
        .facts
        .iter()
        .map(|f| FactJson {
            id: &f.id,
            source: &f.source,
            questions: f.questions.iter().map(|(l, q)| (l.code(), q)).collect(),
            keywords: &f.keywords,
            related: &f.related,
            answers: snap
                .locales
                .codes()
                .into_iter()
                .map(|c| (c, snap.locales.render(c, &format!("fact-{}", f.id), None)))
                .collect(),
        })
        .collect();
    writeln!(out, "{}", serde_json::to_string(&list)?)?;
    Ok(ExitCode::SUCCESS)
}

/// Regression sets below this overall accuracy are reported as failing by `attache check`.
pub const REGRESSION_MIN_OVERALL: f64 = 0.9;

fn check(dirs: &Dirs) -> Result<ExitCode> {
    match Snapshot::load(&dirs.knowledge, &dirs.locales) {
        Err(invalid) => {
            for p in &invalid.0 {
                eprintln!("error: {p}");
            }
            eprintln!(
                "{} problem(s); the fact base is not valid.",
                invalid.0.len()
            );
            Ok(ExitCode::FAILURE)
        }
        Ok(snap) => {
            // As for the other one-shot commands: the process ends right after, and freeing a
            // large base's millions of small allocations would only delay the exit.
            let snap = std::mem::ManuallyDrop::new(snap);
            println!(
                "ok: {} facts, {} phrasings, {} locales",
                snap.facts.len(),
                snap.index.phrasings(),
                snap.locales.codes().len()
            );
            if snap.facts.regression.is_empty() {
                return Ok(ExitCode::SUCCESS);
            }
            let report = eval::run(&snap, &snap.facts.regression);
            println!(
                "regression set ({}): {}/{} right",
                dirs.knowledge.join("questions.tsv").display(),
                report.overall.right,
                report.overall.total
            );
            for m in &report.misses {
                println!(
                    "  miss: questions.tsv:{} [{}] expected {} got {}: {}",
                    m.line, m.lang, m.expected, m.got, m.question
                );
            }
            if report.overall.rate() < REGRESSION_MIN_OVERALL {
                eprintln!(
                    "warning: the regression set is below {:.0}% ({:.1}%)",
                    100.0 * REGRESSION_MIN_OVERALL,
                    100.0 * report.overall.rate()
                );
                return Ok(ExitCode::FAILURE);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn run_eval(snap: &Snapshot, args: &EvalArgs, out: &mut impl Write) -> Result<ExitCode> {
    let text = crate::knowledge::read_text(&args.file).map_err(|p| anyhow::anyhow!("{p}"))?;
    let cases = eval::parse(&args.file, &text).map_err(|p| anyhow::anyhow!("{p}"))?;
    let report = eval::run(snap, &cases);
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        write!(out, "{report}")?;
    }
    let mut failed = Vec::new();
    let mut need = |name: &str, min: Option<f64>, got: f64| {
        if let Some(min) = min {
            if got < min {
                failed.push(format!(
                    "{name} {:.1}% is below {:.1}%",
                    100.0 * got,
                    100.0 * min
                ));
            }
        }
    };
    need("overall", args.min_overall, report.overall.rate());
    need("answerable", args.min_answerable, report.answerable.rate());
    need(
        "unanswerable",
        args.min_unanswerable,
        report.unanswerable.rate(),
    );
    need(
        "answer language",
        args.min_answer_language,
        report.answer_language.rate(),
    );
    for (lang, t) in &report.per_lang {
        need(&format!("language {lang}"), args.min_language, t.rate());
    }
    for f in &failed {
        eprintln!("below threshold: {f}");
    }
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
