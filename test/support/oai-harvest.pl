#!/usr/bin/perl
# Harvests an OAI-PMH repository with Debian's HTTP::OAI::Harvester (libhttp-oai-perl), as a
# library or an aggregator would, and prints what it understood as one JSON object:
#   perl oai-harvest.pl <baseURL> [<identifier for GetRecord>] [<set>]
# Lists follow every resumption token (the harvester does it itself); every URL requested is
# listed under "requests", every OAI error under "errors".
use strict;
use warnings;
use HTTP::OAI;
use HTTP::OAI::Metadata::OAI_DC;
use JSON::PP;

my ($base, $identifier, $set) = @ARGV;
die "usage: oai-harvest.pl <baseURL> [identifier] [set]\n" unless $base;

# Saying the protocol version up front spares the harvester its probe for a static repository.
my $h = HTTP::OAI::Harvester->new(repository => HTTP::OAI::Identify->new(baseURL => $base, version => '2.0'));
my @requests;
$h->add_handler(request_send => sub { push @requests, $_[0]->method . ' ' . $_[0]->uri->as_string; return; });
my %out = (errors => []);

sub check {
  my ($what, $r) = @_;
  push @{ $out{errors} }, "$what: HTTP " . $r->code . ' ' . $r->message if $r->is_error;
  push @{ $out{errors} }, "$what: " . $_->code . ' ' . $_->message for $r->errors;
}

sub header_of {
  my ($header) = @_;
  return {
    identifier => $header->identifier,
    datestamp => $header->datestamp,
    deleted => ($header->is_deleted ? JSON::PP::true : JSON::PP::false),
    sets => [ $header->setSpec ],
  };
}

sub record_of {
  my ($record) = @_;
  my $out = header_of($record->header);
  $out->{dc} = $record->metadata ? $record->metadata->dc : JSON::PP::null;
  return $out;
}

my $id = $h->Identify;
check('Identify', $id);
$out{identify} = {
  repositoryName => $id->repositoryName,
  baseURL => $id->baseURL,
  protocolVersion => $id->protocolVersion,
  adminEmail => [ $id->adminEmail ],
  earliestDatestamp => $id->earliestDatestamp,
  deletedRecord => $id->deletedRecord,
  granularity => $id->granularity,
};

my $formats = $h->ListMetadataFormats;
check('ListMetadataFormats', $formats);
$out{formats} = [ map { $_->metadataPrefix } $formats->metadataFormat ];

my @sets;
my $sets = $h->ListSets(onRecord => sub { push @sets, { spec => $_[0]->setSpec, name => $_[0]->setName }; });
check('ListSets', $sets);
$out{sets} = \@sets;

my @headers;
# Records are taken as each page arrives (onRecord): the harvester follows the tokens itself and
# returns the last page only.
my $ids = $h->ListIdentifiers(metadataPrefix => 'oai_dc', ($set ? (set => $set) : ()), onRecord => sub { push @headers, header_of($_[0]); });
check('ListIdentifiers', $ids);
$out{identifiers} = \@headers;

my @records;
my $recs = $h->ListRecords(
  metadataPrefix => 'oai_dc', ($set ? (set => $set) : ()),
  handlers => { metadata => 'HTTP::OAI::Metadata::OAI_DC' },
  onRecord => sub { push @records, record_of($_[0]); },
);
check('ListRecords', $recs);
$out{records} = \@records;

if ($identifier) {
  my $got = $h->GetRecord(identifier => $identifier, metadataPrefix => 'oai_dc', handlers => { metadata => 'HTTP::OAI::Metadata::OAI_DC' });
  check('GetRecord', $got);
  my $record = $got->next;
  $out{record} = $record ? record_of($record) : JSON::PP::null;
}

$out{requests} = \@requests;
print JSON::PP->new->canonical->utf8->encode(\%out), "\n";
