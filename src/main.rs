//! The `sanad` command: parse arguments, call the library, print.

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use sanad::corpus::{self, Corpus, InputFormat, Outcome, Render, Summary};
use sanad::export::{dot, json, rdf};
use sanad::{Document, Extractor, KnowledgeGraph, Ontology};

/// The pipeline allocates many small strings and vectors per sentence
/// (tokens, mentions, matches); with the system allocator, malloc and free
/// took a fifth of the extraction time. mimalloc's thread-local free lists
/// make them cheap and keep the worker threads from sharing allocator state.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "sanad", version, about = "Evidence-backed knowledge graphs from Arabic news")]
struct Cli {
    /// Use the ontology in this directory instead of the one built into sanad.
    #[arg(long, global = true, value_name = "DIR")]
    ontology: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract triples from articles and write them as RDF, DOT or JSON.
    ///
    /// Inputs are text files, JSON Lines files (`.jsonl`: one
    /// `{"id": …, "text": …}` document per line), directories (their `.txt`
    /// and `.jsonl` files, recursively, in sorted order) or `-` for standard
    /// input. `--format nquads` and `--format jsonl` stream: one document at a
    /// time, in input order, in flat memory. A document that cannot be read is
    /// reported with its file or line and skipped; the exit status is then 1.
    Extract {
        /// Input files or directories; `-` reads standard input.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = FormatArg::Turtle)]
        format: FormatArg,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Label language of DOT nodes.
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
        /// How to read plain files and standard input: `auto` takes `.jsonl`
        /// files, and standard input starting with `{`, as JSON Lines.
        #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
        input_format: InputFormatArg,
        /// Worker threads (default: one per core). Output is the same for any number.
        #[arg(long, short = 'j', value_name = "N")]
        threads: Option<usize>,
        /// Show no progress and no summary on standard error (errors still are).
        #[arg(long, short)]
        quiet: bool,
        /// RDF formats: name each statement with an RDF 1.2 triple term
        /// (`rdf:reifies <<( s p o )>>`) instead of RDF 1.1 reification.
        #[arg(long)]
        rdf12: bool,
    },
    /// Extract triples from articles and answer a SPARQL query over them.
    ///
    /// The graph is loaded into an in-memory store (the union of all
    /// documents in the default graph, each document in its own named graph,
    /// plus the sanad vocabulary). Ready queries: who-sanctions-whom,
    /// allies-of (bind country), about-person (bind person), not-asserted.
    Query {
        /// Input files; `-` reads standard input.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// The SPARQL query text.
        #[arg(long, value_name = "QUERY", group = "the_query")]
        sparql: Option<String>,
        /// Read the SPARQL query from this file.
        #[arg(long, value_name = "FILE", group = "the_query")]
        sparql_file: Option<PathBuf>,
        /// Run a ready query by name (see ontology/queries/).
        #[arg(long, value_name = "NAME", group = "the_query")]
        query: Option<String>,
        /// Bind a variable before the query runs: `country=russia` (an
        /// entity id or label, `prefix:name`, `<IRI>` or `"text"`).
        #[arg(long, value_name = "VAR=VALUE")]
        bind: Vec<String>,
        /// Results format: an aligned table, or a SPARQL results format.
        #[arg(long, value_enum, default_value_t = ResultsArg::Table)]
        results: ResultsArg,
    },
    /// Show, sentence by sentence, how sanad read a file and why each triple was or was not produced.
    Explain {
        /// Input file; `-` reads standard input.
        input: String,
    },
    /// Work with the rule files.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Validate the gazetteer and rule files without extracting anything.
    Check,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Turtle,
    Ntriples,
    Trig,
    Nquads,
    Json,
    /// JSON Lines: one JSON object per document per line.
    Jsonl,
    Dot,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Auto,
    Text,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum ResultsArg {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Ar,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`sanad … | head`) is not an error.
            if err.chain().any(|e| e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)) {
                return ExitCode::SUCCESS;
            }
            eprintln!("sanad: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn load_ontology(dir: &Option<PathBuf>) -> Result<Ontology> {
    Ok(match dir {
        Some(d) => Ontology::load_dir(d)?,
        None => Ontology::bundled()?,
    })
}

fn read_input(name: &str) -> Result<Document> {
    if name == "-" {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).context("reading standard input")?;
        Ok(Document::from_bytes("stdin", bytes)?)
    } else {
        Ok(Document::read(std::path::Path::new(name))?)
    }
}

fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Rules { command: RulesCommand::Check } => {
            let ontology = load_ontology(&cli.ontology)?;
            println!(
                "ok: {} entities, {} rules, {} word classes",
                ontology.gazetteer.entities.len(),
                ontology.rules.rules.len(),
                ontology.rules.classes.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { input } => {
            let extractor = Extractor::new(load_ontology(&cli.ontology)?);
            let doc = read_input(&input)?;
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            sanad::explain::write(&mut out, &extractor, &doc)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Query { inputs, sparql, sparql_file, query, bind, results } => {
            let sparql = match (sparql, sparql_file, query) {
                (Some(text), _, _) => text,
                (_, Some(path), _) => {
                    std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?
                }
                (_, _, Some(name)) => sanad::query::ready_query(&name)?.sparql.to_owned(),
                (None, None, None) => bail!("give the query with --sparql, --sparql-file or --query NAME"),
            };
            let bindings = bind.iter().map(|b| b.parse()).collect::<Result<Vec<sanad::query::Binding>, _>>()?;
            let extractor = Extractor::new(load_ontology(&cli.ontology)?);
            if inputs.iter().filter(|i| *i == "-").count() > 1 {
                bail!("standard input (`-`) can be read only once");
            }
            let extractions =
                inputs.iter().map(|i| Ok(extractor.extract(&read_input(i)?))).collect::<Result<Vec<_>>>()?;
            let store = sanad::query::GraphStore::from_extractions(&extractions, extractor.gazetteer())?;
            let answer = store.query_with(&sparql, &bindings)?;
            let format = match results {
                ResultsArg::Table => sanad::query::ResultsFormat::Table,
                ResultsArg::Csv => sanad::query::ResultsFormat::Csv,
                ResultsArg::Tsv => sanad::query::ResultsFormat::Tsv,
                ResultsArg::Json => sanad::query::ResultsFormat::Json,
                ResultsArg::Xml => sanad::query::ResultsFormat::Xml,
            };
            let mut out = answer.write(io::BufWriter::new(io::stdout().lock()), format)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { inputs, format, output, lang, input_format, threads, quiet, rdf12 } => {
            if rdf12 && matches!(format, FormatArg::Json | FormatArg::Jsonl | FormatArg::Dot) {
                bail!("--rdf12 applies to the RDF formats (turtle, ntriples, trig, nquads) only");
            }
            let rdf = if rdf12 { rdf::RdfSerializer::new().with_triple_terms() } else { rdf::RdfSerializer::new() };
            let extractor = Extractor::new(load_ontology(&cli.ontology)?);
            let input_format = match input_format {
                InputFormatArg::Auto => InputFormat::Auto,
                InputFormatArg::Text => InputFormat::Text,
                InputFormatArg::Jsonl => InputFormat::Jsonl,
            };
            let corpus = Corpus::open(&inputs, input_format)?;
            let target = output.as_deref().map(OutputFile::create).transpose()?;
            let sink: Box<dyn Write> = match &target {
                Some(file) => Box::new(file.writer()?),
                None => Box::new(io::stdout().lock()),
            };
            let mut w = io::BufWriter::with_capacity(1 << 16, sink);
            let render = match format {
                FormatArg::Nquads => Render::NQuads(rdf),
                FormatArg::Jsonl => Render::JsonLines,
                _ => Render::Extraction,
            };
            let options = corpus::Options { threads: threads.unwrap_or(0), ..Default::default() };
            let progress = Progress::new(corpus.total_bytes(), quiet);
            let mut extractions = Vec::new();
            let summary = corpus::run(&extractor, corpus, render, &options, |outcome| {
                progress.update(&outcome);
                match outcome {
                    Outcome::Done { output, extraction, .. } => {
                        w.write_all(&output)?;
                        extractions.extend(extraction);
                    }
                    Outcome::Failed(e) => progress.suspend(|| eprintln!("sanad: {e}")),
                }
                Ok(())
            })?;
            progress.finish();
            let gazetteer = extractor.gazetteer();
            let mut w = match format {
                FormatArg::Nquads | FormatArg::Jsonl => w,
                FormatArg::Json => json::write(w, &extractions, gazetteer)?,
                FormatArg::Trig => {
                    let graphs: Vec<KnowledgeGraph> =
                        extractions.iter().map(|x| KnowledgeGraph::build(std::slice::from_ref(x), gazetteer)).collect();
                    rdf.write_trig(w, &graphs)?
                }
                FormatArg::Turtle | FormatArg::Ntriples | FormatArg::Dot => {
                    let graph = KnowledgeGraph::build(&extractions, gazetteer);
                    match format {
                        FormatArg::Turtle => rdf.write_turtle(w, &graph)?,
                        FormatArg::Ntriples => rdf.write_ntriples(w, &graph)?,
                        _ => {
                            let language = match lang {
                                LangArg::En => dot::LabelLanguage::English,
                                LangArg::Ar => dot::LabelLanguage::Arabic,
                            };
                            dot::write(w, &graph, language)?
                        }
                    }
                }
            };
            w.flush()?;
            drop(w);
            if let Some(file) = target {
                file.finish()?;
            }
            if !quiet {
                eprintln!("sanad: {}", progress.summary(&summary));
            }
            Ok(if summary.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
    }
}

/// The file `--output` names, written safely: the run writes a temporary
/// file beside it, which replaces the file only when the run has finished.
/// A run that stops on an error (or is interrupted) leaves whatever was
/// there before untouched, and an input given again as the output is read
/// whole before it is replaced, not truncated before it is read.
struct OutputFile {
    temp: tempfile::NamedTempFile,
    path: PathBuf,
    /// The permissions of the file being replaced, kept as `File::create`
    /// would keep them.
    replaced: Option<std::fs::Permissions>,
}

impl OutputFile {
    fn create(path: &std::path::Path) -> Result<OutputFile> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => std::path::Path::new("."),
        };
        if !dir.is_dir() {
            bail!("cannot create {}: no directory {}", path.display(), dir.display());
        }
        let mut builder = tempfile::Builder::new();
        builder.prefix(".sanad-output-");
        // New files get the usual 0666 less the umask, not the 0600 of a
        // temporary file.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let temp = builder.tempfile_in(dir).with_context(|| format!("cannot create {}", path.display()))?;
        let replaced = std::fs::metadata(path).ok().filter(|m| m.is_file()).map(|m| m.permissions());
        Ok(OutputFile { temp, path: path.to_path_buf(), replaced })
    }

    fn writer(&self) -> Result<std::fs::File> {
        self.temp.as_file().try_clone().with_context(|| format!("cannot write {}", self.path.display()))
    }

    /// Puts the finished output in place of the file.
    fn finish(self) -> Result<()> {
        if let Some(permissions) = self.replaced {
            self.temp
                .as_file()
                .set_permissions(permissions)
                .with_context(|| format!("cannot set the permissions of {}", self.path.display()))?;
        }
        self.temp.persist(&self.path).map_err(|e| e.error).with_context(|| format!("cannot write {}", self.path.display()))?;
        Ok(())
    }
}

/// Progress on standard error, drawn only when it is a terminal.
struct Progress {
    bar: Option<ProgressBar>,
    documents: std::cell::Cell<u64>,
    started: Instant,
}

impl Progress {
    fn new(total_bytes: Option<u64>, quiet: bool) -> Progress {
        let bar = (!quiet && io::stderr().is_terminal()).then(|| {
            let (bar, template) = match total_bytes {
                Some(total) => (
                    ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
                    "{spinner} {elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
                ),
                None => (ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()), "{spinner} {elapsed_precise} {bytes} {bytes_per_sec} {msg}"),
            };
            bar.set_style(ProgressStyle::with_template(template).expect("valid template").progress_chars("=> "));
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress { bar, documents: Default::default(), started: Instant::now() }
    }

    fn update(&self, outcome: &Outcome) {
        if let Some(bar) = &self.bar {
            let bytes = match outcome {
                Outcome::Done { bytes, .. } => *bytes,
                Outcome::Failed(e) => e.bytes(),
            };
            self.documents.set(self.documents.get() + 1);
            bar.inc(bytes);
            bar.set_message(format!("{} documents", self.documents.get()));
        }
    }

    fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn summary(&self, summary: &Summary) -> String {
        let seconds = self.started.elapsed().as_secs_f64();
        let mb = summary.bytes as f64 / 1e6;
        format!("{summary}; {mb:.1} MB in {seconds:.2} s ({:.1} MB/s)", mb / seconds.max(1e-9))
    }
}
