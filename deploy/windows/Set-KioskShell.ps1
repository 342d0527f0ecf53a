<#
.SYNOPSIS
  Makes this Windows machine a Leg Cramp Kiosk: the kiosk app as the shell of an automatically signed-in
  kiosk account, started again whenever it exits.

.DESCRIPTION
  Run as SYSTEM after the kiosk's MSI or NSIS package is installed per machine: Intune runs Win32 apps
  and platform scripts as SYSTEM; by hand, start an elevated prompt and run
  `psexec.exe -i -s powershell.exe -ExecutionPolicy Bypass -File .\Set-KioskShell.ps1`.
  Safe to run again. The script:
   1. enables the Shell Launcher feature (Windows Enterprise, Education or IoT Enterprise only);
   2. places the provisioning file under %ProgramData%\Leg Cramp Kiosk, writable only by
      administrators and SYSTEM, readable by users, and points KIOSK_CONFIG at it;
   3. applies shell-launcher.xml (next to this script) through the MDM bridge WMI provider, the
      AssignedAccess CSP's ShellLauncher node. Its AutoLogonAccount makes Windows create and sign in
      a local standard account "Kiosk"; -KioskAccount names an account of your own instead.
  It exits 3010 (restart needed, which Intune understands) on success: the kiosk starts after a restart.

.PARAMETER ProvisioningFile
  The clinic's provisioning file (see the README's "Configuration"). Without it, an existing
  %ProgramData%\Leg Cramp Kiosk\provisioning.json is kept, and on a first run the example
  provisioning.example.json (in this folder, or in deploy\ of the repository) is used.

.PARAMETER KioskAccount
  An existing account to run the kiosk for instead of the managed auto-logon account: local (`kiosk`),
  domain (`contoso\kiosk`) or Microsoft Entra (`AzureAD\kiosk@contoso.org`). Windows does not sign a
  named account in by itself: set its automatic sign-in with your MDM or Sysinternals Autologon, which
  keeps the password as an LSA secret (this script stores no password).
#>
[CmdletBinding()]
param(
  [string] $ProvisioningFile,
  [string] $KioskAccount
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# Intune starts scripts in 32-bit PowerShell, which sees "Program Files (x86)" and no MDM bridge: run again in 64-bit.
if ([Environment]::Is64BitOperatingSystem -and -not [Environment]::Is64BitProcess) {
  $arguments = @('-NoProfile', '-ExecutionPolicy', 'Bypass', '-File', $PSCommandPath)
  foreach ($name in $PSBoundParameters.Keys) { $arguments += @("-$name", $PSBoundParameters[$name]) }
  & (Join-Path $env:SystemRoot 'Sysnative\WindowsPowerShell\v1.0\powershell.exe') @arguments
  exit $LASTEXITCODE
}

$ConfigurationFile = Join-Path $PSScriptRoot 'shell-launcher.xml'
$DataFolder = Join-Path $env:ProgramData 'Leg Cramp Kiosk'
$Provisioning = Join-Path $DataFolder 'provisioning.json'

function Stop-WithError([string] $Message) {
  Write-Error "Set-KioskShell: $Message" -ErrorAction Continue
  exit 1
}

function Assert-System {
  if (-not [Security.Principal.WindowsIdentity]::GetCurrent().IsSystem) {
    Stop-WithError ('run this as SYSTEM: the MDM bridge WMI provider accepts no one else (Intune runs ' +
      'Win32 apps as SYSTEM; by hand: psexec.exe -i -s powershell.exe -File .\Set-KioskShell.ps1)')
  }
}

# The configuration with the account to run the kiosk for; its shell must be installed.
function Read-Configuration {
  if (-not (Test-Path -LiteralPath $ConfigurationFile)) { Stop-WithError "$ConfigurationFile is missing" }
  [xml] $xml = Get-Content -LiteralPath $ConfigurationFile -Raw -Encoding UTF8
  $namespaces = New-Object Xml.XmlNamespaceManager $xml.NameTable
  $namespaces.AddNamespace('sl', 'http://schemas.microsoft.com/ShellLauncher/2018/Configuration')
  $shell = $xml.SelectSingleNode('//sl:Profile/sl:Shell', $namespaces).GetAttribute('Shell')
  $executable = [Environment]::ExpandEnvironmentVariables($shell)
  if (-not (Test-Path -LiteralPath $executable -PathType Leaf)) {
    Stop-WithError "the kiosk app is not installed at ${executable}: install its MSI or NSIS package per machine first"
  }
  if ($KioskAccount) {
    if ($KioskAccount -notmatch '\\' -and -not (Get-LocalUser -Name $KioskAccount -ErrorAction SilentlyContinue)) {
      Stop-WithError "there is no local account ${KioskAccount}: create it first, or leave -KioskAccount out"
    }
    $autoLogon = $xml.SelectSingleNode('//sl:Config/sl:AutoLogonAccount', $namespaces)
    $account = $xml.CreateElement('Account', $namespaces.LookupNamespace('sl'))
    $account.SetAttribute('Name', $KioskAccount)
    [void] $autoLogon.ParentNode.ReplaceChild($account, $autoLogon)
  }
  return $xml.OuterXml
}

function Enable-ShellLauncher {
  $feature = Get-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -ErrorAction SilentlyContinue
  if (-not $feature) {
    Stop-WithError 'Shell Launcher is not available on this edition: it needs Windows Enterprise, Education or IoT Enterprise'
  }
  if ($feature.State -eq 'Enabled') { Write-Output 'Shell Launcher is enabled'; return }
  $result = Enable-WindowsOptionalFeature -Online -FeatureName Client-DeviceLockdown, Client-EmbeddedShellLauncher -All -NoRestart
  Write-Output "Enabled the Shell Launcher feature (restart needed: $($result.RestartNeeded))"
}

# Administrators and SYSTEM may change the file (its locks hold against the kiosk account); users may read it.
function Set-Provisioning {
  New-Item -ItemType Directory -Force -Path $DataFolder | Out-Null
  & icacls.exe $DataFolder /inheritance:r /grant:r '*S-1-5-32-544:(OI)(CI)F' '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-545:(OI)(CI)RX' | Out-Null
  if ($LASTEXITCODE -ne 0) { Stop-WithError "icacls could not set the permissions of $DataFolder" }
  $source = $ProvisioningFile
  if (-not $source -and -not (Test-Path -LiteralPath $Provisioning)) {
    $source = @((Join-Path $PSScriptRoot 'provisioning.example.json'), (Join-Path $PSScriptRoot '..\provisioning.example.json')) |
      Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
    if (-not $source) { Stop-WithError 'no -ProvisioningFile given and no provisioning.example.json found' }
  }
  if ($source) {
    if (-not (Test-Path -LiteralPath $source -PathType Leaf)) { Stop-WithError "no such provisioning file: $source" }
    Copy-Item -LiteralPath $source -Destination $Provisioning -Force
    Write-Output "Placed $source as $Provisioning"
  } else {
    Write-Output "Kept the existing $Provisioning"
  }
  [Environment]::SetEnvironmentVariable('KIOSK_CONFIG', $Provisioning, 'Machine')
  Write-Output "Set the machine environment variable KIOSK_CONFIG=$Provisioning"
  # Shell Launcher restarts the kiosk when it exits, so its nightly restart only exits.
  [Environment]::SetEnvironmentVariable('KIOSK_SUPERVISED', '1', 'Machine')
  Write-Output 'Set the machine environment variable KIOSK_SUPERVISED=1'
}

function Set-ShellLauncherConfiguration([string] $Configuration) {
  $assignedAccess = Get-CimInstance -Namespace 'root\cimv2\mdm\dmmap' -ClassName 'MDM_AssignedAccess'
  if (-not $assignedAccess) { Stop-WithError 'the MDM bridge has no MDM_AssignedAccess instance on this machine' }
  $assignedAccess.ShellLauncher = [System.Net.WebUtility]::HtmlEncode($Configuration)
  try {
    Set-CimInstance -CimInstance $assignedAccess | Out-Null
  } catch {
    Stop-WithError ("Windows refused the Shell Launcher configuration: $($_.Exception.Message). The reason is " +
      'in Event Viewer: Applications and Services Logs > Microsoft > Windows > AssignedAccess > Admin')
  }
  $who = if ($KioskAccount) { "the account $KioskAccount" } else { 'the managed auto-logon account "Kiosk"' }
  Write-Output "Applied $ConfigurationFile for $who"
}

Assert-System
$configuration = Read-Configuration
Enable-ShellLauncher
Set-Provisioning
Set-ShellLauncherConfiguration $configuration
Write-Output 'Done: restart the machine to start the kiosk.'
exit 3010
